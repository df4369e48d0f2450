package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.judge.Evidence;
import dev.grader.judge.Verdict;
import dev.grader.rubric.Param;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Decide {@code output_matches}: what the program printed matches a regular expression. */
public final class OutputMatchesCheck implements CheckType {

    @Override
    public String name() {
        return "output_matches";
    }

    @Override
    public String description() {
        return "Passes when the standard output of the program's main process matches regex (found anywhere, with ^ "
                + "and $ at line ends).";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("regex", Param.Type.REGEX, null, "What the output must match."));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        String regex = ctx.text("regex");
        try {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(ctx.run().stdout());
            return m.find() ? ctx.pass("The output matches.", List.of("found " + Evidence.quote(m.group())))
                    : ctx.fail("The output does not match.", List.of("no match for /" + regex + "/"));
        } catch (PatternSyntaxException e) {
            return ctx.result(Verdict.ERROR, "The rubric's regex is invalid: " + e.getDescription(), List.of());
        }
    }
}

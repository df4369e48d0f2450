package dev.grader.judge.checks;

import dev.grader.build.Program;
import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Verdict;
import dev.grader.rubric.Param;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decide {@code junit}: one of the instructor's JUnit 5 tests passed against the answer, in the sandboxed JVM. */
public final class JunitCheck extends InstructorTestBase {

    private static final Pattern TEST = Pattern.compile("([A-Za-z_$][\\w$.]*)#([A-Za-z_$][\\w$]*)");

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String description() {
        return "Passes when the instructor's JUnit 5 test Class#method, from the question's tests files, passes "
                + "against the answer's classes in the sandboxed JVM; its failure message is the feedback.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("test", Param.Type.TEXT, null, "The test: Class#method of one of the question's tests."));
    }

    @Override
    public Set<String> languages() {
        return Set.of("java");
    }

    @Override
    public Set<String> testFiles() {
        return Set.of(".java");
    }

    @Override
    public Problem problem(Map<String, Object> values, Map<String, String> tests) {
        String test = String.valueOf(values.getOrDefault("test", ""));
        Matcher m = TEST.matcher(test);
        if (!m.matches()) {
            return new Problem("test", "a junit check needs 'test: Class#method', not '" + test + "'");
        }
        String cls = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
        for (Map.Entry<String, String> e : tests.entrySet()) {
            String file = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            if (file.equals(cls + ".java")) {
                return Pattern.compile("\\bvoid\\s+" + Pattern.quote(m.group(2)) + "\\s*\\(").matcher(e.getValue()).find()
                        ? null : new Problem("test", "test method '" + m.group(2) + "' is not in " + e.getKey());
            }
        }
        return new Problem("test", "test class '" + cls + "' is not among the question's 'tests' files");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        String name = ctx.text("test");
        Program program = ctx.program();
        if (program == null) {
            return ctx.fail("No code was found in the answer.", List.of());
        }
        if (program.syntaxError() != null) {
            return ctx.result(Verdict.SKIPPED, "Not tested: the code does not compile.", List.of());
        }
        if (program.jvm() != null && program.jvm().testProblem() != null) {
            return ctx.fail("The test could not run: " + program.jvm().testProblem() + ".",
                    List.of(program.jvm().testProblem()));
        }
        String cls = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        return outcome(ctx, name, cls, o -> true);
    }
}

package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.rubric.Param;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decide {@code answered}: the answer's prose has enough words. */
public final class AnsweredCheck implements CheckType {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    @Override
    public String name() {
        return "answered";
    }

    @Override
    public String description() {
        return "Passes when the answer's prose (its markdown, and the comments and strings of its code, without the "
                + "question's own words) has at least min_words words. For questions answered in words.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("min_words", Param.Type.COUNT, 15, "Words the answer needs."));
    }

    @Override
    public Set<String> languages() {
        // a Java submission is code only: its questions are all answered in code
        return Set.of("python");
    }

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        int min = ctx.count("min_words");
        int words = countWords(ctx.prose());
        String evidence = words + " word" + (words == 1 ? "" : "s") + " of prose (at least " + min + " needed)";
        return words >= min ? ctx.pass("Answered.", List.of(evidence))
                : ctx.fail("The answer is too short or missing.", List.of(evidence));
    }

    /** Count the words of a text. */
    public static int countWords(String text) {
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

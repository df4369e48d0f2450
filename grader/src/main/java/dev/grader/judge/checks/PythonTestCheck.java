package dev.grader.judge.checks;

import dev.grader.build.Program;
import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Verdict;
import dev.grader.rubric.Param;
import dev.grader.run.TestSeal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Decide {@code test}: one of the instructor's Python tests passed against the answer, in the sandbox. */
public final class PythonTestCheck extends InstructorTestBase {

    private static final Pattern NAME = Pattern.compile("(?:([\\w./-]+\\.py)::)?(test\\w*)");

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String description() {
        return "Passes when the instructor's test function (def test_...(answer, run), in one of the question's "
                + "tests files) passes: it gets the answer, run as the program runs, as a module, and what that run "
                + "did (its output, processes, threads, pools and their tasks, queues and locks). It runs in the "
                + "answer's sandbox and limits; its assertion message is the feedback.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("test", Param.Type.TEXT, null, "The test function: test_squares, or "
                + "file.py::test_squares when two of the question's files have one of that name."));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }

    @Override
    public Set<String> testFiles() {
        return Set.of(".py");
    }

    @Override
    public String example() {
        return "- check: test\n  test: test_squares\n  points: 1\n";
    }

    @Override
    public Problem problem(Map<String, Object> values, Map<String, String> tests) {
        String test = String.valueOf(values.getOrDefault("test", ""));
        var m = NAME.matcher(test);
        if (!m.matches()) {
            return new Problem("test", "a test check needs 'test: test_name' (a function of the question's tests "
                    + "files whose name starts with test), not '" + test + "'");
        }
        Pattern def = Pattern.compile("(?m)^def\\s+" + Pattern.quote(m.group(2)) + "\\s*\\(");
        for (Map.Entry<String, String> e : tests.entrySet()) {
            if ((m.group(1) == null || e.getKey().endsWith(m.group(1))) && def.matcher(e.getValue()).find()) {
                return null;
            }
        }
        return new Problem("test", "no test function '" + m.group(2) + "' in "
                + (tests.isEmpty() ? "the question's tests (it lists no tests files)" : String.join(", ", tests.keySet())));
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        Program program = ctx.program();
        if (program == null) {
            return ctx.fail("No code was found in the answer.", List.of());
        }
        if (program.syntaxError() != null) {
            return ctx.result(Verdict.SKIPPED, "Not tested: the code does not compile.", List.of());
        }
        // only the outcomes the runner sealed count: the answer's code runs in the same run
        return outcome(ctx, ctx.text("test"), null, o -> TestSeal.verify(ctx.tests().key(), o));
    }
}

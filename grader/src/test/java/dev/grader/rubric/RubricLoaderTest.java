package dev.grader.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.run.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricLoaderTest {

    private static final Path DIR = Path.of("src/test/resources/rubric");

    @Test
    void loadsTheDefaultRubricFromTheProjectAndTheJar() throws RubricException {
        Rubric file = RubricLoader.load(Path.of("../rubrics/multiprocessing.yaml"));
        Rubric bundled = RubricLoader.loadBundled("multiprocessing.yaml");
        assertEquals(file.questions(), bundled.questions());
        assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"), file.questions().stream().map(Question::id).toList());
        assertEquals(100.0, file.maxPoints());
        Question q6 = file.question("Q6").orElseThrow();
        assertEquals(6, q6.number());
        assertEquals("processes4", q6.detect());
        assertEquals(4, q6.checks().stream().filter(c -> c.type().equals("distinct_outputs")).findFirst()
                .orElseThrow().params().get("count"));
        assertEquals(Question.Kind.PROSE, file.question("Q1").orElseThrow().kind());
        assertEquals("5\n", file.stdin());
        assertEquals(Duration.ofSeconds(10), file.timeout());
    }

    @Test
    void readsEveryOptionalField() throws RubricException {
        Rubric r = RubricLoader.load(DIR.resolve("custom.yaml"));
        assertEquals(Duration.ofMillis(1500), r.timeout());
        assertEquals(1024 * 1024, r.maxOutputBytes());
        assertEquals(new Limits(Duration.ofMillis(1500), Duration.ofSeconds(3), 300L << 20, 12, 2L << 20, 1L << 20),
                r.limits());
        assertEquals("forkserver", r.startMethod());
        assertTrue(r.spawnCheck());
        Question q = r.questions().get(0);
        assertEquals(2, q.number());
        assertEquals(List.of("^Task two"), q.patterns());
        assertEquals("3\n", q.stdin());
        Check c = q.checks().get(0);
        assertEquals("says_hello", c.id());
        assertEquals(2.5, c.points());
        assertEquals("hello \\d+", c.params().get("regex"));
        assertEquals(2, q.checks().get(1).params().get("min"));
        Check clean = q.checks().get(2);
        assertEquals("no_findings", clean.type());
        assertEquals(List.of("pool-not-closed", "process-not-joined"), clean.params().get("rules"));
        assertEquals("info", clean.params().get("severity"));
    }

    @Test
    void namesTheLineOfAnUnknownCheckAndSuggestsTheRightOne() {
        RubricException e = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("unknown-check.yaml")));
        assertEquals(1, e.problems().size());
        String p = e.problems().get(0);
        assertTrue(p.contains("unknown-check.yaml:6:"), p);
        assertTrue(p.contains("did you mean 'process_started'"), p);
    }

    @Test
    void readsAPythonQuestionsTestsAndChecksEachTestCheckNamesOneOfItsFunctions() {
        RubricException e = assertThrows(RubricException.class,
                () -> RubricLoader.load(DIR.resolve("python-bad-tests.yaml")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(":8: test file 'python-tests/Q1Test.java' is not a .py file"), all);
        assertTrue(all.contains(":9: test file 'python-tests/missing_test.py' cannot be read"), all);
        assertTrue(all.contains(":16: no test function 'test_cubes' in python-tests/q1_test.py"), all);
        assertTrue(all.contains(":20: a test check needs 'test: test_name'"), all);
        assertEquals(4, e.problems().size(), all);
    }

    @Test
    void validatesEachCheckAgainstItsDeclaration() {
        RubricException e = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("check-params.yaml")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(":7: check 'process_started' does not apply to java (it applies to python)"), all);
        assertTrue(all.contains(":11: 'min' must be a whole number of at least 0"), all);
        assertTrue(all.contains(":15: unknown key 'mni'") && all.contains("(did you mean 'min'?)"), all);
        assertTrue(all.contains(":18: 'numbers' must be true or false"), all);
        assertTrue(all.contains(":21: 'severity' must be one of error, info, warning, not 'warnin' (did you mean "
                + "'warning'?)"), all);
        assertTrue(all.contains(":22: unknown rule 'java-join-before-strat' (did you mean 'java-join-before-start'?)"),
                all);
        assertTrue(all.contains(":23: check 'output_matches' needs 'regex' (a regular expression)"), all);
        assertTrue(all.contains(":28: 'min' must be a whole number of at least 0"), all);
        assertEquals(8, e.problems().size(), all);

        RubricException unknown = assertThrows(RubricException.class,
                () -> RubricLoader.load(DIR.resolve("unknown-check.yaml")));
        assertTrue(unknown.problems().get(0).contains("the python checks are answered, ")
                && unknown.problems().get(0).contains(" children_print, "),
                unknown.problems().get(0));
    }

    @Test
    void reportsEveryProblemAtItsLine() {
        RubricException e = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("many-problems.yaml")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(":3: timeout 'soon' is not a duration"), all);
        assertTrue(all.contains(":4: 'processes' must be a whole number of at least 2"), all);
        assertTrue(all.contains(":5: 'start_method' must be fork, spawn or forkserver, not 'vfork'"), all);
        assertTrue(all.contains(":6: 'spawn_check' must be true or false"), all);
        assertTrue(all.contains(":7: memory 'lots' is not a size"), all);
        assertTrue(all.contains(":10: kind must be 'code' or 'prose'"), all);
        assertTrue(all.contains(":11: unknown key 'pionts' in question"), all);
        assertTrue(all.contains(":14: 'points' must be a number of at least 0"), all);
        assertTrue(all.contains(":18: check 'output_matches' needs 'regex'"), all);
        assertTrue(all.contains(":22: unknown rule 'pool-not-closd' (did you mean 'pool-not-closed'?)"), all);
        assertTrue(all.contains(":23: 'severity' must be one of error, info, warning, not 'fatal'"), all);
    }

    @Test
    void reportsYamlSyntaxErrorsWithALine() {
        RubricException e = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("not-yaml.yaml")));
        assertTrue(e.getMessage().matches("(?s).*not-yaml\\.yaml:\\d+: not valid YAML.*"), e.getMessage());
    }

    @Test
    void rejectsMissingFilesAndDuplicateKeys() {
        RubricException missing = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("rubric file not found"));
        RubricException dup = assertThrows(RubricException.class,
                () -> RubricLoader.parse("assignment: a\nassignment: b\nquestions: []\n", "dup.yaml"));
        assertEquals(List.of("dup.yaml:2: key 'assignment' is given twice"), dup.problems());
    }

    @Test
    void readsAJavaQuestionsTestsAndChecksEachJunitCheckNamesOneOfItsTests() throws Exception {
        Rubric java = RubricLoader.load(Path.of("../rubrics/java-threads.yaml"));
        Question q5 = java.question("Q5").orElseThrow();
        assertEquals(List.of("java-tests/Q5Test.java"), List.copyOf(q5.tests().keySet()));
        assertTrue(q5.tests().get("java-tests/Q5Test.java").contains("void squaresOfOneToFive()"));
        assertEquals("Q5Test#keepsTheOrderOfItsInput", q5.checks().stream().filter(c -> c.id().equals(
                "squares_keep_order")).findFirst().orElseThrow().params().get("test"));
        assertEquals(q5.tests(), RubricLoader.loadBundled("java-threads.yaml").question("Q5").orElseThrow().tests());

        RubricException e = assertThrows(RubricException.class, () -> RubricLoader.load(DIR.resolve("java-bad-tests.yaml")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(":7: test file 'java-tests/Missing.java' cannot be read"), all);
        assertTrue(all.contains(":8: test file 'java-tests/notes.txt' is not a .java file"), all);
        assertTrue(all.contains(":11: test method 'cubes' is not in java-tests/PoolTest.java"), all);
        assertTrue(all.contains(":15: test class 'OtherTest' is not among the question's 'tests' files"), all);
        assertTrue(all.contains(":19: a junit check needs 'test: Class#method', not 'squares'"), all);
    }
}

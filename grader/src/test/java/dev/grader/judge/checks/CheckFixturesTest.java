package dev.grader.judge.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.pipeline.Grader;
import dev.grader.lang.Languages;
import dev.grader.rubric.CheckSpec;
import dev.grader.rubric.CheckSpecs;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import dev.grader.run.LocalRunner;
import dev.grader.run.Sandbox;
import dev.grader.run.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Grade every check type's fixture for real, in sandboxed child processes, and compare each verdict with the one
 * its case file is named for.
 *
 * <p>A check's fixture is {@code checks/<name>.yaml}, a rubric of one question whose only check is it, and the
 * folder {@code checks/<name>/} of submissions, one per case; a check of several languages has one fixture for each
 * ({@code checks/<name>-<language>.yaml} and its folder, or the plain name in the rubric's language), named {@code <verdict>-<what>.<ext>}
 * ({@code pass-joined.py}, {@code fail-never-closed.java}, {@code skipped-syntax-error.py}). A line
 * {@code # evidence: text} (or {@code // evidence: text}) in a case asks that the check's feedback or evidence
 * hold the text. Every check type has a fixture with at least one case that passes and one that fails.
 */
class CheckFixturesTest {

    private static final Path DIR = Path.of("src/test/resources/checks");
    private static final Pattern CASE = Pattern.compile("(pass|fail|skipped|error)-[\\w-]+\\.\\w+");
    private static final Pattern EVIDENCE = Pattern.compile("^\\s*(?:#|//)\\s*evidence:\\s*(.+)$", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryCheck() {
        List<DynamicNode> checks = new ArrayList<>();
        for (CheckSpec spec : CheckSpecs.all().values()) {
            for (String language : new TreeSet<>(spec.languages())) {
                String fixture = fixture(spec.name(), language);
                checks.add(DynamicContainer.dynamicContainer(spec.name() + " (" + language + ")",
                        (Iterable<DynamicNode>) () -> cases(spec.name(), fixture).iterator()));
            }
        }
        return checks.stream();
    }

    /** Find the fixture of a check in one of its languages: {@code <name>-<language>}, or {@code <name>} in it. */
    private static String fixture(String name, String language) {
        if (Files.isRegularFile(DIR.resolve(name + "-" + language + ".yaml"))) {
            return name + "-" + language;
        }
        try {
            if (Files.isRegularFile(DIR.resolve(name + ".yaml"))
                    && RubricLoader.load(DIR.resolve(name + ".yaml")).language().equals(language)) {
                return name;
            }
        } catch (RubricException e) {
            throw new AssertionError(name + ".yaml: " + e.getMessage(), e);
        }
        throw new AssertionError("check '" + name + "' applies to " + language + " and has no fixture for it: "
                + DIR.resolve(name + "-" + language + ".yaml") + " and its folder");
    }

    private static Stream<DynamicNode> cases(String name, String fixture) {
        Path rubricFile = DIR.resolve(fixture + ".yaml");
        Path folder = DIR.resolve(fixture);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.sorted().forEach(files::add);
        } catch (IOException e) {
            throw new AssertionError("check '" + name + "' has no fixture folder " + folder, e);
        }
        Set<String> verdicts = new TreeSet<>();
        for (Path f : files) {
            Matcher m = CASE.matcher(f.getFileName().toString());
            assertTrue(m.matches(), f + ": a case is named <pass|fail|skipped|error>-<what>.<ext>");
            verdicts.add(m.group(1));
        }
        assertTrue(verdicts.containsAll(Set.of("pass", "fail")),
                "check '" + name + "' needs a case that passes and one that fails, has " + verdicts);
        BatchResult batch = grade(rubricFile, folder);
        List<DynamicNode> tests = new ArrayList<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(file, () -> expect(name, f, batch)));
        }
        return tests.stream();
    }

    private static BatchResult grade(Path rubricFile, Path folder) {
        try {
            Rubric rubric = RubricLoader.load(rubricFile);
            StringWriter why = new StringWriter();
            Toolchain toolchain = Languages.of(rubric.language()).toolchain("python3", new PrintWriter(why, true));
            assertNotNull(toolchain, why.toString());
            LocalRunner runner = new LocalRunner(toolchain, null, Sandbox.Layer.BUBBLEWRAP);
            try (Grader grader = new Grader(rubric, toolchain, runner, 2)) {
                return grader.grade(List.of(folder), s -> { });
            }
        } catch (Exception e) {
            throw new AssertionError("cannot grade " + folder + " with " + rubricFile + ": " + e, e);
        }
    }

    private static void expect(String name, Path file, BatchResult batch) throws IOException {
        String fileName = file.getFileName().toString();
        SubmissionResult s = batch.submissions().stream()
                .filter(r -> Path.of(r.file()).getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + file));
        List<CheckResult> results = s.questions().isEmpty() ? List.of() : s.questions().get(0).checks();
        CheckResult c = results.stream().filter(r -> r.type().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no result of check '" + name + "' (status "
                        + s.status() + ", " + s.reason() + ")"));
        String said = c.feedback() + "\n" + String.join("\n", c.evidence());
        String expected = fileName.substring(0, fileName.indexOf('-'));
        assertEquals(expected, c.verdict().label(), file + ": " + said);
        Matcher m = EVIDENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            assertTrue(said.contains(m.group(1).strip()), file + ": the check should say '" + m.group(1).strip()
                    + "', says: " + said);
        }
    }
}

package dev.grader.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.analyse.python.PythonAnalyzer;
import dev.grader.lang.python.HelperSource;
import dev.grader.python.Interpreter;
import dev.grader.python.PythonHelper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Run every rule's fixture file through the analyzer, with CPython's own parser in a real helper process.
 *
 * <p>A fixture is {@code rules/<rule-id>.py}: cases headed {@code # case: name} (or {@code # case[notebook]:}
 * for notebook code), each analysed alone at its own line numbers. A line ending in
 * {@code # expect: rule-a, rule-b} must get exactly those findings; every other line must get none, of any
 * rule. {@code rules/correct-styles.py} holds correct solutions in many styles: no finding at all.
 */
class PythonRulesTest {

    private static final Pattern CASE = Pattern.compile("^# case(\\[notebook\\])?:\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([\\w, -]+)$");

    private static PythonHelper helper;
    private static PythonAnalyzer analyzer;

    @BeforeAll
    static void start() throws Exception {
        helper = PythonHelper.start(Interpreter.probe("python3"));
        analyzer = new PythonAnalyzer(new HelperSource(helper));
    }

    @AfterAll
    static void stop() {
        helper.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (RuleInfo r : PythonAnalyzer.rules()) {
            files.add(r.id());
        }
        files.add("correct-styles");
        for (String name : files) {
            List<String> lines = fixture(name);
            for (Case c : cases(lines)) {
                tests.add(DynamicTest.dynamicTest(name + ": " + c.name, () -> check(name, lines, c)));
            }
        }
        return tests.stream();
    }

    private static void check(String fixture, List<String> lines, Case c) {
        StringBuilder src = new StringBuilder();
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean inside = i >= c.start && i < c.end;
            src.append(inside ? lines.get(i) : "").append('\n');
            Matcher m = EXPECT.matcher(lines.get(i));
            if (inside && m.find()) {
                for (String id : m.group(1).split(",")) {
                    expected.add(key(i + 1, id.strip()));
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        StringBuilder messages = new StringBuilder();
        for (Finding f : analyzer.analyse(src.toString(), fixture + ".py", !c.notebook)) {
            actual.add(key(f.line(), f.rule()));
            assertFalse(f.message().contains("\u0001"), "unresolved line reference in " + f.message());
            messages.append("\n  line ").append(f.line()).append(' ').append(f.rule()).append(" (")
                    .append(f.severity().label()).append("): ").append(f.message());
        }
        assertEquals(expected, actual, fixture + ".py, case '" + c.name + "': findings were" + messages);
    }

    private static String key(int line, String rule) {
        return String.format("line %3d %s", line, rule);
    }

    @Test
    void everyRuleHasMetadataAndAFixtureWhereItFiresAndWhereItDoesNot() throws IOException {
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : Catalogue.all()) {
            assertTrue(ids.add(r.id()), "duplicate rule id " + r.id());
            assertTrue(r.id().matches("[a-z]+(-[a-z]+)*"), r.id());
            for (String text : List.of(r.summary(), r.why(), r.fix(), r.example())) {
                assertFalse(text.isBlank(), r.id() + " lacks some metadata");
            }
            if (!r.language().equals("python")) {
                continue;
            }
            List<String> lines = fixture(r.id());
            List<Case> cases = cases(lines);
            boolean fires = false;
            boolean quiet = false;
            for (Case c : cases) {
                boolean expects = false;
                for (int i = c.start; i < c.end; i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find() && List.of(m.group(1).split("\\s*,\\s*")).contains(r.id())) {
                        expects = true;
                    }
                }
                fires |= expects;
                quiet |= !expects;
            }
            assertTrue(fires, r.id() + ": no case where it must fire");
            assertTrue(quiet, r.id() + ": no case where it must stay quiet");
        }
        assertTrue(Catalogue.find("pool-not-closed").isPresent());
        assertFalse(Catalogue.find("no-such-rule").isPresent());
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = PythonRulesTest.class.getResourceAsStream("/rules/" + name + ".py")) {
            if (in == null) {
                throw new IOException("no fixture rules/" + name + ".py");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    private static List<Case> cases(List<String> lines) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CASE.matcher(lines.get(i));
            if (m.matches()) {
                int end = i + 1;
                while (end < lines.size() && !CASE.matcher(lines.get(end)).matches()) {
                    end++;
                }
                out.add(new Case(m.group(2).strip(), i, end, m.group(1) != null));
            }
        }
        return out;
    }

    private record Case(String name, int start, int end, boolean notebook) {}
}

package dev.grader.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.analyse.java.JavaAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Run every Java rule's fixture through JavaParser and the rules: {@code rules/java/<rule-id>.java}, cases
 * headed {@code // case: name}, each analysed alone at its own line numbers; a line ending in
 * {@code // expect: rule-a, rule-b} must get exactly those findings and every other line none.
 * {@code correct-styles.java} holds correct solutions: no finding at all.
 */
class JavaRulesTest {

    private static final Pattern CASE = Pattern.compile("^// case:\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([\\w, -]+)$");

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> files = new ArrayList<>();
        JavaAnalyzer.rules().forEach(r -> files.add(r.id()));
        files.add("correct-styles");
        for (String name : files) {
            List<String> lines = fixture(name);
            for (int[] c : cases(lines)) {
                String title = CASE.matcher(lines.get(c[0])).replaceAll("$1");
                tests.add(DynamicTest.dynamicTest(name + ": " + title, () -> check(name, lines, c, title)));
            }
        }
        return tests.stream();
    }

    private static void check(String fixture, List<String> lines, int[] c, String title) {
        StringBuilder src = new StringBuilder();
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean inside = i >= c[0] && i < c[1];
            src.append(inside ? lines.get(i) : "").append('\n');
            Matcher m = EXPECT.matcher(lines.get(i));
            if (inside && m.find()) {
                for (String id : m.group(1).split(",")) {
                    expected.add(String.format("line %3d %s", i + 1, id.strip()));
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        StringBuilder messages = new StringBuilder();
        for (Finding f : new JavaAnalyzer().analyse(src.toString(), fixture + ".java")) {
            actual.add(String.format("line %3d %s", f.line(), f.rule()));
            messages.append("\n  line ").append(f.line()).append(' ').append(f.rule()).append(": ").append(f.message());
        }
        assertEquals(expected, actual, fixture + ".java, case '" + title + "': findings were" + messages);
    }

    @Test
    void everyJavaRuleHasAFixtureWhereItFiresAndWhereItDoesNot() throws IOException {
        for (RuleInfo r : JavaAnalyzer.rules()) {
            assertTrue(r.id().startsWith("java-"), r.id());
            assertTrue(Catalogue.find(r.id()).isPresent(), r.id());
            List<String> lines = fixture(r.id());
            boolean fires = false;
            boolean quiet = false;
            for (int[] c : cases(lines)) {
                boolean expects = false;
                for (int i = c[0]; i < c[1]; i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    expects |= m.find() && List.of(m.group(1).split("\\s*,\\s*")).contains(r.id());
                }
                fires |= expects;
                quiet |= !expects;
            }
            assertTrue(fires && quiet, r.id() + ": needs a case where it fires and one where it stays quiet");
        }
        assertEquals(List.of(), new JavaAnalyzer().analyse("class Broken { void f( }", "Broken.java"));
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = JavaRulesTest.class.getResourceAsStream("/rules/java/" + name + ".java")) {
            if (in == null) {
                throw new IOException("no fixture rules/java/" + name + ".java");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    private static List<int[]> cases(List<String> lines) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (CASE.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < lines.size() && !CASE.matcher(lines.get(end)).matches()) {
                    end++;
                }
                out.add(new int[] {i, end});
            }
        }
        return out;
    }
}

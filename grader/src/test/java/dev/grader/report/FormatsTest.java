package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grader.judge.BatchResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Compare every output format of a fixed batch with its golden file in {@code report/golden/}; run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change, then read the diff.
 */
class FormatsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/report/golden");

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name + " differs from its golden file");
    }

    @Test
    void resultsJsonIsStable(@TempDir Path out) throws IOException {
        new ReportWriter(null).write(ReportWriterTest.batch(), out);
        golden("results.json", Files.readString(out.resolve("results.json")));
    }

    @Test
    void theGradebookHasAPointsRowAndPercentages() throws IOException {
        golden("grades.csv", Formats.gradebook(ReportWriterTest.batch()));
    }

    @Test
    void junitXmlIsWellFormedAndCountsEveryCheck() throws Exception {
        String xml = Formats.junit(ReportWriterTest.batch());
        golden("junit.xml", xml);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals("testsuites", d.getDocumentElement().getTagName());
        assertEquals(d.getElementsByTagName("testcase").getLength(),
                Integer.parseInt(d.getDocumentElement().getAttribute("tests")));
        assertEquals(d.getElementsByTagName("failure").getLength(),
                Integer.parseInt(d.getDocumentElement().getAttribute("failures")));
        assertEquals("", Formats.xml("\u0000\u0001"));
    }

    @Test
    void surefiresOwnReportReaderReadsTheJunitXmlCaseByCase(@TempDir Path tmp) throws Exception {
        BatchResult b = ReportWriterTest.batch();
        Path xml = Files.writeString(tmp.resolve("junit.xml"), Formats.junit(b));
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(xml.toString());
        assertTrue(parser.isValid());
        assertEquals(b.submissions().size(), suites.size());
        for (int i = 0; i < suites.size(); i++) {
            ReportTestSuite suite = suites.get(i);
            SubmissionResult s = b.submissions().get(i);
            assertEquals(suite.getTestCases().size(), suite.getNumberOfTests());
            assertEquals(suite.getTestCases().stream().filter(ReportTestCase::hasFailure).count(), suite.getNumberOfFailures());
            assertEquals(suite.getTestCases().stream().filter(ReportTestCase::hasError).count(), suite.getNumberOfErrors());
            assertEquals(suite.getTestCases().stream().filter(ReportTestCase::hasSkipped).count(), suite.getNumberOfSkipped());
            float runs = 0;
            for (QuestionResult q : s.questions()) {
                runs += q.run() == null ? 0 : q.run().wallMillis() / 1000f;
            }
            assertEquals(runs, suite.getTimeElapsed(), 0.002f);
            for (ReportTestCase c : suite.getTestCases()) {
                // a name that says which question's check it is, in viewers that show only names
                assertTrue(c.getName().matches("Q\\d+ [a-z_]+|read"), c.getName());
                assertEquals(s.id(), c.getFullClassName());
            }
        }
        ReportTestCase first = suites.get(0).getTestCases().stream().filter(c -> c.getName().equals("Q3 runs"))
                .findFirst().orElseThrow();
        QuestionResult q3 = b.submissions().get(0).questions().stream().filter(q -> q.id().equals("Q3")).findFirst()
                .orElseThrow();
        assertEquals(q3.run().wallMillis() / 1000f, first.getTime(), 0.001f);
    }

    @Test
    void theClassroomResultHasEveryFieldTheReporterReads() throws IOException {
        SubmissionResult s = ReportWriterTest.batch().submissions().get(0);
        String json = Formats.classroom(s);
        golden("classroom.json", json);
        JsonNode r = new ObjectMapper().readTree(json);
        assertEquals(1, r.get("version").asInt());
        for (JsonNode t : r.get("tests")) {
            for (String field : new String[] {"name", "status", "score", "max_score", "message", "line_no"}) {
                assertTrue(t.has(field), field + " missing from " + t);
            }
        }
    }

    @Test
    void theGradescopeResultHasScoresStatusesAndVisibility() throws IOException {
        BatchResult b = ReportWriterTest.batch();
        golden("gradescope.json", Formats.gradescope(b.submissions().get(0)));
        golden("gradescope-unreadable.json", Formats.gradescope(b.submissions().get(2)));
    }
}

package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grader.judge.BatchResult;
import dev.grader.judge.SubmissionResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
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

package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.judge.SubmissionResult;
import org.junit.jupiter.api.Test;

/** Show one line per check with its verdict, points and feedback; colour only when asked. */
class TextReportTest {

    @Test
    void oneLinePerCheckWithTotals() {
        SubmissionResult s = ReportWriterTest.batch().submissions().get(0);
        String plain = TextReport.render(s, false);
        assertTrue(plain.contains("[FAIL] Q3 process_joined 0/8  Call join()."), plain);
        assertTrue(plain.contains("[PASS] Q1 answered 2.5/10  Answered."), plain);
        assertTrue(plain.contains("      - Process-1 started at line 3 was never joined"), plain);
        assertTrue(plain.contains("  note: a.py:2: a note <i>here</i>"), plain);
        assertTrue(plain.endsWith("Total: 6.5/30\n"), plain);
        assertTrue(plain.contains("  (warning) Q3 line 3 process-not-joined: never <b>joined</b>\n"), plain);
        assertTrue(plain.contains("  stuck: Process-2 receive(): waiting in multiprocessing/connection.py _recv()"), plain);
        assertTrue(plain.contains("      at line 3 in receive: x = c.recv()"), plain);
        assertFalse(plain.contains("\u001b["));
        String colour = TextReport.render(s, true);
        assertTrue(colour.contains("\u001b[31m[FAIL]\u001b[0m"), colour);
        assertTrue(colour.contains("\u001b[33m(warning)\u001b[0m"), colour);
    }

    @Test
    void theCompactTableHasOneRowPerQuestion() {
        SubmissionResult s = ReportWriterTest.batch().submissions().get(0);
        String table = TextReport.table(s, false);
        assertTrue(table.contains("Q1       2.5/10  answered ok\n"), table);
        assertTrue(table.contains("Q3         4/20  runs ok  process_joined FAIL  1 finding\n"), table);
        assertTrue(table.endsWith("total    6.5/30\n"), table);
        assertTrue(TextReport.table(s, true).contains("\u001b[31mFAIL\u001b[0m"));
    }

    @Test
    void anUnreadableSubmissionShowsItsReason() {
        SubmissionResult s = ReportWriterTest.batch().submissions().get(2);
        String text = TextReport.render(s, false);
        assertTrue(text.startsWith("<broken> (unknown): invalid - b.ipynb:2: not valid notebook JSON\n"), text);
        assertTrue(text.contains("note: b.ipynb:2: bad"), text);
    }
}

package dev.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Draw the bar only on a terminal, colour it only when allowed. */
class ProgressTest {

    @Test
    void theBarCountsReadsThenRuns() {
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), false, true);
        p.step("read a.ipynb");
        p.step("read b.py");
        assertEquals("Reading submissions: 2", p.line());
        p.step("runs 4");
        p.step("ran a/Q3");
        assertEquals("Running programs [#######-----------------------] 1/4 (2 submissions)", p.line());
        p.done();
        assertTrue(w.toString().startsWith("\rReading submissions: 1\rReading submissions: 2\r"), w.toString());
        assertTrue(w.toString().endsWith("\n"));
        Progress coloured = new Progress(new PrintWriter(new StringWriter()), true, true);
        coloured.step("runs 2");
        coloured.step("ran x");
        assertTrue(coloured.line().contains("\u001b[32m###############\u001b[0m"), coloured.line());
    }

    @Test
    void nothingIsDrawnWhenNotOnATerminal() {
        StringWriter w = new StringWriter();
        Progress p = new Progress(new PrintWriter(w), false, false);
        p.step("read a.py");
        p.step("runs 1");
        p.step("ran a/Q3");
        p.done();
        assertEquals("", w.toString());
    }
}

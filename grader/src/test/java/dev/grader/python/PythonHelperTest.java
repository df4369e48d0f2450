package dev.grader.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ask a real helper process: syntax errors, incomplete input, output-like text, statements, a restart. */
class PythonHelperTest {

    private static PythonHelper helper;

    @BeforeAll
    static void start() throws Exception {
        helper = PythonHelper.start(Interpreter.probe("python3"));
    }

    @AfterAll
    static void stop() {
        helper.close();
    }

    @Test
    void parseTellsErrorsIncompleteInputAndOutput() {
        PythonHelper.ParseOutcome bad = helper.parse("x = 1\ndef f(:\n    pass\n");
        assertFalse(bad.ok());
        assertEquals(2, bad.line());
        assertFalse(bad.incomplete());
        assertTrue(helper.parse("with open('f') as f:\n").incomplete());
        assertTrue(helper.parse("print((1,\n").incomplete());
        assertTrue(helper.literalOnly("1\n2\n3\n"));
        assertTrue(helper.literalOnly("[1, 4, 9] [6]\n"));
        assertTrue(helper.literalOnly("NameError: ignored\n"));
        assertFalse(helper.literalOnly("print(1)\n"));
        assertFalse(helper.literalOnly("# only a comment\n"));
        assertEquals(0, helper.parse("# only a comment\n").statements());
    }

    @Test
    void statementsGiveKindsLinesAndTheMainGuard() {
        List<PythonHelper.StatementInfo> s = helper.statements(
                "import os\n@decorate\ndef f():\n    pass\nif __name__ == '__main__':\n    f()\nx = 1\n");
        assertEquals(List.of(new PythonHelper.StatementInfo("Import", 1, 1, false),
                new PythonHelper.StatementInfo("FunctionDef", 2, 4, false),
                new PythonHelper.StatementInfo("If", 5, 6, true),
                new PythonHelper.StatementInfo("Assign", 7, 7, false)), s);
        assertTrue(helper.statements("def broken(:\n").isEmpty());
    }

    @Test
    void aNullByteOrHugeNestingIsAnErrorNotACrash() {
        assertFalse(helper.parse("x = '\u0000'\n").ok());
        assertFalse(helper.parse("(".repeat(300) + ")".repeat(300)).ok());
        assertTrue(helper.parse("x = 1\n").ok());
    }

    @Test
    void magicsBecomePassKeepingLines() {
        assertEquals("pass\nimport os\n    pass\nx = 1\npass\npass", Magics.neutralise("%matplotlib inline\nimport os\n    !ls -l\nx = 1\nfiles = !ls\nos.path?"));
        assertEquals("pass\nprint(1)", Magics.neutralise("%%time\nprint(1)"));
        assertEquals("pass\npass\n", Magics.neutralise("%%bash\necho hi\n"));
        assertEquals("a != b", Magics.neutralise("a != b"));
    }
}

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
    void jupytersSyntaxBecomesTheCallsItMakesLineForLine() {
        PythonHelper.CellOutcome o = helper.cell("%matplotlib inline\nimport os\nif os:\n    !ls -l\nx = 1\nfiles = !ls\nos.path?",
                List.of());
        assertEquals("code", o.kind());
        assertEquals("get_ipython().run_line_magic('matplotlib', 'inline')\nimport os\nif os:\n    get_ipython().system('ls -l')\n"
                + "x = 1\nfiles = get_ipython().getoutput('ls')\nget_ipython().run_line_magic('pinfo', 'os.path')",
                o.source());
        // a cell magic whose body is Python keeps the body in place; any other becomes one call and empty lines
        assertEquals("pass\nprint(1)", helper.cell("%%time\nprint(1)", List.of()).source());
        assertEquals("get_ipython().run_cell_magic('bash', '', 'echo hi\\n')\n\n", helper.cell("%%bash\necho hi\n",
                List.of()).source());
        // an indented first line: IPython takes that indentation off every line
        assertEquals("import os\ndef f():\n    pass", helper.cell(" import os\n def f():\n     pass", List.of()).source());
        // a one-line cell naming a magic runs it, unless an earlier cell bound the name
        assertEquals("get_ipython().run_line_magic('cd', \"'/tmp'\")", helper.cell("cd '/tmp'", List.of()).source());
        assertEquals("ls -l", helper.cell("ls -l", List.of("ls")).source());
        assertEquals(List.of("os", "x"), helper.cell("import os\nx = 1", List.of()).binds());
        assertEquals("a != b", helper.cell("a != b", List.of()).source());
    }

    @Test
    void proseTypedIntoACodeCellIsToldFromItsCode() {
        PythonHelper.CellOutcome o = helper.cell("Q3. Write a python code to create a process?\nAns3.import os\n"
                + "print(os.getpid())\nHere the child prints its pid.", List.of());
        assertEquals("mixed", o.kind());
        assertEquals(List.of(1, 4), o.prose());
        assertEquals(List.of(2), o.relabelled());
        assertEquals("\nimport os\nprint(os.getpid())\n", o.source());
        assertEquals("prose", helper.cell("Multiprocessing runs many processes at once.\nEach has its own memory.",
                List.of()).kind());
        PythonHelper.CellOutcome broken = helper.cell("This code starts a process\nimport os\ndef f(x)\n    return x\n"
                + "print(f(1))\nprint(f(2))", List.of());
        assertEquals("broken", broken.kind());
        assertEquals(3, broken.errorLine(), "the student's own syntax error, past the prose");
        assertEquals("code", helper.cell("print('three words here')", List.of()).kind());
        // a word alone between the code and its pasted output is prose too; a misplaced line of code is not
        PythonHelper.CellOutcome output = helper.cell("Here is the code:\nx = 1\nprint(x)\nOutput\n1", List.of());
        assertEquals(List.of(1, 4), output.prose());
        assertEquals("broken", helper.cell("def f():\n    pool = 1\n     pool.close\n", List.of()).kind());
        // a long answer typed into a code cell: its runs of prose go at once
        String essay = "This is one line of a long essay typed into a code cell.\n".repeat(5000);
        PythonHelper.CellOutcome longCell = helper.cell(essay + "print(1)\n" + essay, List.of());
        assertEquals("mixed", longCell.kind());
        assertEquals(10_000, longCell.prose().size());
        assertEquals("prose", helper.cell(essay, List.of()).kind());
    }
}

package dev.grader.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.python.Interpreter;
import dev.grader.python.PythonHelper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read every format into cells with the student's line numbers, and every broken file into a problem. */
class IngestorTest {

    private static final Path RES = Path.of("src/test/resources/ingest");
    private static PythonHelper helper;
    private static Ingestor ingestor;

    @BeforeAll
    static void start() throws Exception {
        helper = PythonHelper.start(Interpreter.probe("python3"));
        ingestor = new Ingestor(helper);
    }

    @AfterAll
    static void stop() {
        helper.close();
    }

    private static void assertCell(Cell c, CellKind kind, String source, List<Integer> lines) {
        assertEquals(kind, c.kind(), c.toString());
        assertEquals(source, c.source(), c.toString());
        assertEquals(lines, c.lines(), c.toString());
    }

    @Test
    void inPromptExportSeparatesCodeFromOutputEvenWhenOutputParses() {
        Submission s = ingestor.read(RES.resolve("in_prompts.txt"));
        assertNull(s.problem());
        assertEquals("text-export", s.format());
        List<Cell> c = s.cells();
        assertEquals(8, c.size(), c.toString());
        assertCell(c.get(0), CellKind.MARKDOWN, "### Q3. Start a process", List.of(1));
        assertCell(c.get(1), CellKind.CODE, "import multiprocessing", List.of(4));
        assertCell(c.get(2), CellKind.CODE, "def job():\n    print(\"child\")\n\nif __name__ == \"__main__\":\n"
                + "    p = multiprocessing.Process(target=job)\n    p.start()", List.of(7, 8, 9, 10, 11, 12));
        assertCell(c.get(3), CellKind.MARKDOWN, "### Q5. A pool", List.of(18));
        assertCell(c.get(4), CellKind.CODE, "values = [1, 2, 3]\nprint([v * v for v in values])", List.of(21, 22));
        assertCell(c.get(5), CellKind.CODE, "for v in range(1, 4):\n    print(v)", List.of(27, 28));
        // a syntax error stays code: it is the student's mistake, not output
        assertCell(c.get(6), CellKind.CODE, "def broken(:\n    return 1", List.of(35, 36));
        assertCell(c.get(7), CellKind.MARKDOWN, "### Q6. Four processes", List.of(38));
    }

    @Test
    void fencedExportJoinsPageBreakContinuationsAndRestoresIndentation() {
        Submission s = ingestor.read(RES.resolve("fenced_page_break.txt"));
        assertNull(s.problem());
        List<Cell> code = s.cells().stream().filter(c -> c.kind() == CellKind.CODE).toList();
        assertEquals(2, code.size(), s.cells().toString());
        assertCell(code.get(0), CellKind.CODE, "import multiprocessing\n\ndef square(n):\n    return n * n\n"
                + "if __name__ == \"__main__\":\n    with multiprocessing.Pool(2) as pool:\n"
                + "        out = pool.map(square, [1, 2])\n        print(out)", List.of(5, 6, 7, 8, 9, 10, 14, 15));
        assertCell(code.get(1), CellKind.CODE, "def receive(conn):\n    while True:\n        try:\n"
                + "            msg = conn.recv()\n        except Exception as e:\n\n            print(e)\n            break\n"
                + "        print(msg)\n\nif __name__ == \"__main__\":\n    print(\"main\")",
                List.of(23, 24, 25, 26, 27, 31, 32, 33, 34, 35, 36, 37));
        assertEquals(List.of(
                new Note("fenced_page_break.txt", 14,
                        "lines 14-15 continue the code block split by a page break; indentation restored by 8 columns"),
                new Note("fenced_page_break.txt", 32,
                        "lines 32-34 continue the code block split by a page break; indentation restored by 4 columns")),
                s.notes());
        assertTrue(s.cells().stream().noneMatch(c -> c.source().contains("1\n2")), "output block kept as a cell");
    }

    @Test
    void notebookKeepsCellKindsNumbersAndMarksCodeWrittenInMarkdownOrRawCells() {
        Submission s = ingestor.read(RES.resolve("notebook.ipynb"));
        assertNull(s.problem());
        assertEquals("ipynb", s.format());
        List<Cell> c = s.cells();
        assertEquals(6, c.size(), c.toString());
        assertEquals(CellKind.MARKDOWN, c.get(0).kind());
        assertEquals("notebook.ipynb cell 1", c.get(0).file());
        // code in a markdown fence, or pasted into a raw cell, never ran in the notebook
        assertCell(c.get(1), CellKind.MARKDOWN_CODE, "print('fenced')", List.of(4));
        assertEquals("notebook.ipynb cell 1", c.get(1).file());
        assertCell(c.get(2), CellKind.CODE, "import os\nprint(os.sep)", List.of(1, 2));
        assertEquals("notebook.ipynb cell 2", c.get(2).file());
        assertCell(c.get(3), CellKind.RAW, "pool.map(f, [1, 2])", List.of(1));
        assertCell(c.get(4), CellKind.MARKDOWN_CODE, "pool.map(f, [1, 2])", List.of(1));
        assertTrue(c.get(5).isBlank());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(i, c.get(i).index());
        }
    }

    @Test
    void theRubricDecidesWhetherCodeInMarkdownRunsOrIsLeftOut() {
        List<Cell> run = new Ingestor(helper, "run").read(RES.resolve("notebook.ipynb")).cells();
        assertCell(run.get(1), CellKind.CODE, "print('fenced')", List.of(4));
        assertCell(run.get(4), CellKind.CODE, "pool.map(f, [1, 2])", List.of(1));
        List<Cell> ignored = new Ingestor(helper, "ignore").read(RES.resolve("notebook.ipynb")).cells();
        assertEquals(4, ignored.size(), ignored.toString());
        assertTrue(ignored.stream().noneMatch(x -> x.kind() == CellKind.MARKDOWN_CODE));
    }

    @Test
    void pythonFileSplitsAtExportAndPercentMarkers() {
        Submission s = ingestor.read(RES.resolve("cells.py"));
        assertEquals("py-cells", s.format());
        List<Cell> c = s.cells();
        assertEquals(4, c.size(), c.toString());
        // a cell of comments alone does nothing: it is read as prose
        assertCell(c.get(0), CellKind.PROSE_IN_CODE, "#!/usr/bin/env python\n# coding: utf-8", List.of(1, 2));
        assertCell(c.get(1), CellKind.CODE, "\n\nimport multiprocessing", List.of(5, 6, 7));
        assertCell(c.get(2), CellKind.CODE, "\n\n# Question 3 Ans :\nprint(\"three\")", List.of(11, 12, 13, 14));
        assertCell(c.get(3), CellKind.CODE, "x = 1", List.of(17));
    }

    @Test
    void folderOfOneFilePerQuestionGetsAHeadingBeforeEachFile() {
        Submission s = ingestor.read(RES.resolve("per_question"));
        assertNull(s.problem());
        assertEquals("py-folder", s.format());
        List<Cell> c = s.cells();
        assertEquals(5, c.size(), c.toString());
        assertCell(c.get(0), CellKind.MARKDOWN, "Multiprocessing runs work in separate processes.", List.of(1));
        assertCell(c.get(1), CellKind.MARKDOWN, "Q3", List.of(0));
        assertCell(c.get(2), CellKind.CODE, "print(\"three\")", List.of(1));
        assertEquals("q3.py", c.get(2).file());
        assertCell(c.get(3), CellKind.MARKDOWN, "Q5", List.of(0));
        assertEquals("Q5.py", c.get(4).file());
    }

    @Test
    void zipIsReadInMemoryAndEntriesOutsideTheArchiveAreSkipped(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("student.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "work/q3.py", "print('three')\n");
            put(z, "work/q6.py", "print('six')\n");
            put(z, "work/../../evil.py", "print('evil')\n");
        }
        Submission s = ingestor.read(zip);
        assertNull(s.problem());
        assertEquals("student", s.id());
        assertEquals(List.of("Q3", "print('three')", "Q6", "print('six')"), s.cells().stream().map(Cell::source).toList());
        assertEquals(1, s.notes().size());
        assertTrue(s.notes().get(0).message().contains("outside the archive"), s.notes().toString());
        assertTrue(Files.notExists(tmp.resolve("evil.py")));
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    @Test
    void brokenFilesAreProblemsWithReasons(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("empty.txt"), "");
        Files.writeString(tmp.resolve("blank.py"), "  \n\t\n");
        try (OutputStream o = Files.newOutputStream(tmp.resolve("garbage.txt"))) {
            for (int i = 0; i < 512; i++) {
                o.write(i % 256);
            }
        }
        Files.writeString(tmp.resolve("broken.ipynb"), "{\"cells\": [\n  {\"cell_type\": \"code\"\n  \"source\": []}]}");
        Files.writeString(tmp.resolve("other.ipynb"), "[1, 2, 3]");
        Files.write(tmp.resolve("slides.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1});
        assertProblem(tmp.resolve("empty.txt"), "empty", "empty.txt: the file is empty");
        assertProblem(tmp.resolve("blank.py"), "empty", "blank.py: the file is empty");
        assertProblem(tmp.resolve("garbage.txt"), "unreadable", "garbage.txt: binary content");
        assertProblem(tmp.resolve("broken.ipynb"), "invalid", "broken.ipynb:3: not valid notebook JSON at line 3");
        assertProblem(tmp.resolve("other.ipynb"), "invalid", "other.ipynb: valid JSON but not a Jupyter notebook");
        assertProblem(tmp.resolve("slides.pdf"), "unsupported", "slides.pdf: .pdf files are not supported");
        assertProblem(tmp.resolve("absent.py"), "unreadable", "no such file");
    }

    @Test
    void notebookCellsAreReadWithoutTheirOutputsInEveryNotebookShape(@TempDir Path tmp) throws IOException {
        String image = "iVBORw0KGgo".repeat(200_000);
        Files.writeString(tmp.resolve("v4.ipynb"), "{\"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"outputs\": [{\"data\": {\"image/png\": \"" + image + "\"}}],"
                + " \"source\": \"print(1)\\nprint(2)\\n\"},"
                + " \"stray\", {\"cell_type\": \"code\", \"source\": null},"
                + " {\"cell_type\": {\"odd\": [1]}, \"source\": [\"prose \", 3, [\"x\"], \"here\"]}],"
                + " \"nbformat\": 4}");
        Submission v4 = ingestor.read(tmp.resolve("v4.ipynb"));
        assertNull(v4.problem());
        List<Cell> c = v4.cells();
        assertEquals(4, c.size(), c.toString());
        assertCell(c.get(0), CellKind.CODE, "print(1)\nprint(2)", List.of(1, 2));
        assertCell(c.get(1), CellKind.MARKDOWN, "", List.of(1));
        assertCell(c.get(2), CellKind.CODE, "", List.of(1));
        assertCell(c.get(3), CellKind.MARKDOWN, "prose 3here", List.of(1));
        assertEquals("v4.ipynb cell 4", c.get(3).file());

        Files.writeString(tmp.resolve("v3.ipynb"), "{\"worksheets\": [{\"cells\": [{\"cell_type\": \"code\","
                + " \"input\": [\"import os\\n\", \"print(os.sep)\"]}]}, {\"cells\": [{\"cell_type\": \"code\","
                + " \"input\": \"second worksheet\"}]}], \"nbformat\": 3}");
        Submission v3 = ingestor.read(tmp.resolve("v3.ipynb"));
        assertNull(v3.problem());
        assertEquals(1, v3.cells().size(), v3.cells().toString());
        assertCell(v3.cells().get(0), CellKind.CODE, "import os\nprint(os.sep)", List.of(1, 2));

        Files.writeString(tmp.resolve("trailing.ipynb"), "{\"cells\": []}\n}\n");
        assertProblem(tmp.resolve("trailing.ipynb"), "invalid", "trailing.ipynb:2: not valid notebook JSON at line 2");
        Files.writeString(tmp.resolve("late.ipynb"), "{\"cells\": [], \"metadata\": {\"a\": [1,, 2]}}");
        assertProblem(tmp.resolve("late.ipynb"), "invalid", "late.ipynb:1: not valid notebook JSON");
    }

    @Test
    void aSubmissionWithMoreCodeThanTheLimitIsRefusedButBigOutputsAreNot(@TempDir Path tmp) throws IOException {
        String line = "x = 1  # " + "y".repeat(90) + "\\n";
        int lines = Ingestor.MAX_CODE_CHARS / 100 + 10;
        Files.writeString(tmp.resolve("code.ipynb"), "{\"cells\": [{\"cell_type\": \"code\", \"source\": \""
                + line.repeat(lines) + "\"}]}");
        assertProblem(tmp.resolve("code.ipynb"), "invalid",
                "code.ipynb: 1.0 MiB of code; a submission may hold at most 1 MiB of code");
        Files.writeString(tmp.resolve("prose.ipynb"), "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \""
                + line.repeat(lines) + "\"}, {\"cell_type\": \"code\", \"source\": \"print(1)\", \"outputs\": "
                + "[{\"text\": \"" + line.repeat(lines) + "\"}]}]}");
        Submission prose = ingestor.read(tmp.resolve("prose.ipynb"));
        assertNull(prose.problem());
        assertEquals("print(1)", prose.cells().get(prose.cells().size() - 1).source());
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(folder.resolve("q3.py"), "x = 1  # " + "y".repeat(90) + "\n".repeat(1));
        Files.writeString(folder.resolve("q5.py"), ("x = 1  # " + "y".repeat(90) + "\n").repeat(lines));
        assertProblem(folder, "invalid", "folder: 1.0 MiB of code");
        try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("big.ipynb").toFile(), "rw")) {
            big.setLength(Ingestor.MAX_FILE_BYTES + 1L);
        }
        assertProblem(tmp.resolve("big.ipynb"), "invalid", "big.ipynb: larger than 64 MiB");
    }

    private static void assertProblem(Path p, String status, String reasonStart) {
        Submission s = ingestor.read(p);
        assertEquals(status, s.problem() == null ? null : s.problem().status(), String.valueOf(s.problem()));
        assertTrue(s.problem().reason().contains(reasonStart), s.problem().reason());
    }

    @Test
    void finderListsFirstLevelEntriesSortedAndSkipsHiddenOnes(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("b.py"), "x = 1\n");
        Files.writeString(tmp.resolve("a.ipynb"), "{}");
        Files.writeString(tmp.resolve(".hidden.py"), "x = 1\n");
        Files.createDirectories(tmp.resolve("c_folder/inner"));
        Files.createDirectories(tmp.resolve("__pycache__"));
        List<Path> found = SubmissionFinder.find(List.of(tmp));
        assertEquals(List.of("a.ipynb", "b.py", "c_folder"), found.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("a", SubmissionFinder.idOf(found.get(0)));
    }
}

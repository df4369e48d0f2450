package dev.grader.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.ingest.Cell;
import dev.grader.ingest.CellKind;
import dev.grader.ingest.Submission;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Find each answer by its marker, its question's text or what its code does; say why when it is missing. */
class SegmenterTest {

    private static final Path RES = Path.of("src/test/resources/segment");
    private static List<Question> questions;
    private static Segmenter segmenter;

    @BeforeAll
    static void load() throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("../rubrics/multiprocessing.yaml"));
        questions = rubric.questions();
        segmenter = new Segmenter(questions);
    }

    /** Build cells from "md:" / "code:" prefixed strings, one cell each, numbered like a notebook. */
    private static Submission notebook(String... cells) {
        List<Cell> out = new ArrayList<>();
        for (String c : cells) {
            CellKind kind = c.startsWith("code:") ? CellKind.CODE : CellKind.MARKDOWN;
            String src = c.substring(c.indexOf(':') + 1);
            List<Integer> lines = new ArrayList<>();
            for (int i = 1; i <= src.split("\n", -1).length; i++) {
                lines.add(i);
            }
            out.add(new Cell(out.size(), kind, src, lines, "nb.ipynb cell " + (out.size() + 1)));
        }
        return new Submission("s", Path.of("s.ipynb"), "ipynb", out, List.of(), null);
    }

    private static Submission file(String name, CellKind kind) throws IOException {
        String text = Files.readString(RES.resolve(name)).stripTrailing();
        List<Integer> lines = new ArrayList<>();
        for (int i = 1; i <= text.split("\n", -1).length; i++) {
            lines.add(i);
        }
        return new Submission("s", RES.resolve(name), "py", List.of(new Cell(0, kind, text, lines, name)), List.of(), null);
    }

    private static Answer answer(List<Answer> answers, String id) {
        return answers.stream().filter(a -> a.questionId().equals(id)).findFirst().orElseThrow();
    }

    private static final String PROSE = "Processes run side by side on every core, each with its own memory and interpreter.";

    @Test
    void everyHeadingStyleIsAMarker() {
        String[] headings = {"### Q3.", "## Q-3", "Q.3 - here", "Q3)", "Q.No-03", "## Question 3:", "### Answer 3 :",
            "### Ans 3.", "**Q3. code**", "<h3>Q3. code</h3>", "### Ans3)", "A3. my answer"};
        for (String h : headings) {
            List<Answer> a = segmenter.segment(notebook("md:" + h, "code:print('three')", "md:## Q4\n" + PROSE));
            Answer q3 = answer(a, "Q3");
            assertTrue(q3.found(), h + ": " + q3.how());
            assertEquals("print('three')", q3.codeCells().get(0).source(), h);
            assertTrue(answer(a, "Q4").prose().contains("side by side"), h);
        }
    }

    @Test
    void oneAnswerPerQuestionInRubricOrderWithReasonsForMissingOnes() {
        List<Answer> a = segmenter.segment(notebook("md:### Q1.\n" + PROSE, "md:### Q6."));
        assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6"), a.stream().map(Answer::questionId).toList());
        assertTrue(answer(a, "Q1").found());
        assertFalse(answer(a, "Q2").found());
        assertEquals("no heading for Q2 (looked for Q2, Question 2, Ans 2 and the question's text)", answer(a, "Q2").how());
        assertEquals("no heading for Q3 (looked for Q3, Question 3, Ans 3 and the question's text) and no code that"
                + " creates and starts a Process", answer(a, "Q3").how());
        assertFalse(answer(a, "Q6").found());
        assertTrue(answer(a, "Q6").how().contains("the answer is empty"), answer(a, "Q6").how());
    }

    @Test
    void questionTextWinsOverAWrongNumberAndSaysSo() {
        List<Answer> a = segmenter.segment(notebook(
                "md:Q.4 How can we create a pool of worker processes in python using the multiprocessing module?",
                "code:from multiprocessing import Pool\nwith Pool(2) as p:\n    p.map(abs, [1])"));
        Answer q5 = answer(a, "Q5");
        assertTrue(q5.found(), q5.how());
        assertEquals(1, q5.notes().size());
        assertTrue(q5.notes().get(0).message().contains("labelled 'Q.4' but the text is that of Q5"), q5.notes().toString());
        assertFalse(answer(a, "Q4").found());
    }

    @Test
    void commentMarkersSplitOneCellWithTheRightLines() throws IOException {
        List<Answer> a = segmenter.segment(file("comment_markers.py", CellKind.CODE));
        Cell q3 = answer(a, "Q3").cells().get(0);
        assertEquals(4, q3.firstLine());
        assertTrue(q3.source().startsWith("# Q3\nimport multiprocessing"), q3.source());
        Cell q5 = answer(a, "Q5").cells().get(0);
        assertEquals(List.of(15, 16), q5.lines());
        assertTrue(answer(a, "Q1").found());
    }

    @Test
    void numberedListsTitlesAndMentionsAreNotMarkers() throws IOException {
        List<Answer> a = segmenter.segment(file("prose_lists.md", CellKind.MARKDOWN));
        Answer q2 = answer(a, "Q2");
        assertTrue(q2.found());
        assertTrue(q2.prose().contains("CPU utilization"), q2.prose());
        assertFalse(answer(a, "Q3").found(), answer(a, "Q3").how());
        assertFalse(answer(a, "Q1").found(), answer(a, "Q1").how());
        assertTrue(answer(a, "Q4").prose().contains("group of worker"));
    }

    @Test
    void unheadedCodeAfterQ5ThatStartsFourProcessesIsQ6() {
        String four = "import multiprocessing\ndef f(n):\n    print(n)\nps = [multiprocessing.Process(target=f, args=(i,))"
                + " for i in range(4)]\nfor p in ps:\n    p.start()";
        List<Answer> a = segmenter.segment(notebook("md:### Q5.", "code:from multiprocessing import Pool\np = Pool(2)", "code:" + four));
        assertEquals(1, answer(a, "Q5").codeCells().size());
        Answer q6 = answer(a, "Q6");
        assertTrue(q6.found());
        assertEquals("code after Q5 that starts 4 processes (no heading)", q6.how());
        assertEquals(four, q6.codeCells().get(0).source());
    }

    @Test
    void withoutAnyMarkerProseGoesInOrderAndCodeByWhatItDoes() {
        List<Answer> a = segmenter.segment(notebook("md:" + PROSE, "md:Threads " + PROSE,
                "code:import multiprocessing", "code:p = multiprocessing.Process(target=print)\np.start()\np.join()",
                "md:Pools " + PROSE, "code:from multiprocessing import Pool\nwith Pool(2) as p:\n    p.map(abs, [1])"));
        assertTrue(answer(a, "Q1").prose().startsWith("Processes"));
        assertTrue(answer(a, "Q2").prose().startsWith("Threads"));
        assertEquals(2, answer(a, "Q3").codeCells().size());
        assertTrue(answer(a, "Q4").prose().startsWith("Pools"));
        assertTrue(answer(a, "Q5").found());
        assertFalse(answer(a, "Q6").found());
        assertTrue(answer(a, "Q6").how().endsWith("no code that starts 4 processes"), answer(a, "Q6").how());
    }

    @Test
    void rubricPatternsReplaceTheBuiltInOnes() {
        List<Question> custom = new ArrayList<>(questions);
        Question q3 = questions.get(2);
        custom.set(2, new Question(q3.id(), q3.number(), q3.title(), q3.text(), q3.kind(), List.of("^Part C\\b"),
                q3.detect(), q3.stdin(), q3.checks()));
        List<Answer> a = new Segmenter(custom).segment(notebook("md:Part C", "code:print(3)", "md:### Q3.", "code:print(33)"));
        assertEquals("print(3)", answer(a, "Q3").codeCells().get(0).source());
        assertTrue(answer(a, "Q3").how().contains("Part C"));
    }

    @Test
    void detectLooksAtCodeNotComments() {
        assertTrue(Segmenter.detects("process", "p = Process(target=f)\np.start()"));
        assertFalse(Segmenter.detects("process", "# p = Process(target=f)\n# p.start()"));
        assertTrue(Segmenter.detects("pool", "with ProcessPoolExecutor() as ex:\n    pass"));
        assertTrue(Segmenter.detects("processes4", "with Pool(4) as p:\n    p.map(f, [1, 2, 3, 4])"));
        assertFalse(Segmenter.detects("processes4", "p = Process(target=f)\np.start()"));
        assertFalse(Segmenter.detects("other", "anything"));
    }

    @Test
    void aQuestionInAStringOfCodeSplitsTheCellWhereTheStringOpens() {
        String q3 = "\"\"\"\nQ3. Write a python code to create a process using the multiprocessing module.\n\"\"\"\n"
                + "import multiprocessing\np = multiprocessing.Process(target=print)\np.start()\np.join()";
        List<Answer> a = segmenter.segment(notebook(
                "code:\"\"\"\nQ2. What are the differences between multiprocessing and multithreading?\n" + PROSE
                        + "\n\"\"\"", "code:" + q3));
        Answer three = answer(a, "Q3");
        assertEquals(q3, three.codeCells().get(0).source(), "the answer starts at the opening quotes");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), three.codeCells().get(0).lines());
        assertTrue(answer(a, "Q2").codeCells().get(0).source().contains("side by side"));
        // the lines of code after a docstring are not read as headings
        List<Answer> b = segmenter.segment(notebook("code:\"\"\"Q3. an answer\"\"\"\nx = 1\n"
                + "y = \"Q5. not a heading, a string of code\""));
        assertFalse(answer(b, "Q5").found(), answer(b, "Q5").how());
    }

    @Test
    void aNumberAloneAtTheStartOfACellOrAsAHeadingIsAMarker() {
        List<Answer> a = segmenter.segment(notebook("md:##1 \n\n" + PROSE, "md:##2\n\nThreads " + PROSE,
                "code:##3\nimport multiprocessing\np = multiprocessing.Process(target=print)\np.start()",
                "md:##4\nPools " + PROSE, "code:5.\nfrom multiprocessing import Pool\nwith Pool(2) as p:\n    p.map(abs, [1])",
                "code:6)\nprint('six')"));
        assertTrue(answer(a, "Q1").prose().contains("side by side"), answer(a, "Q1").how());
        assertTrue(answer(a, "Q2").prose().startsWith("##2"), answer(a, "Q2").prose());
        assertEquals("'3' at cell 3, line 1", answer(a, "Q3").how());
        assertTrue(answer(a, "Q5").codeCells().get(0).source().contains("Pool(2)"));
        assertEquals("'6)' at cell 6, line 1", answer(a, "Q6").how());
        // but not a number in the middle of code, nor one that goes back
        List<Answer> b = segmenter.segment(notebook("md:## Q5", "code:x = 1\n# 6\ny = 2", "code:4.\nprint(4)"));
        assertFalse(answer(b, "Q6").found(), answer(b, "Q6").how());
        assertFalse(answer(b, "Q4").found(), answer(b, "Q4").how());
    }

    @Test
    void aCommentThatResemblesAQuestionIsNotAHeadingInsideCode() {
        String q4 = "import multiprocessing\n# Create a multiprocessing pool with 4 worker processes\n"
                + "pool = multiprocessing.Pool(processes=4)";
        String q6 = "# Create a multiprocessing pool with 4 worker processes\nfrom multiprocessing import Pool\n"
                + "with Pool(4) as p:\n    p.map(print, [1, 2, 3, 4])";
        List<Answer> a = segmenter.segment(notebook("md:### Q4. What is a multiprocessing pool in python?\n" + PROSE,
                "code:" + q4, "md:### Q6.", "code:" + q6));
        assertFalse(answer(a, "Q5").found(), answer(a, "Q5").how());
        assertEquals(q6, answer(a, "Q6").codeCells().get(0).source());
        // a comment that carries most of the question, or a label, still is one
        List<Answer> b = segmenter.segment(notebook("code:x = 1\n# How can we create a pool of worker processes in "
                + "python using the multiprocessing module?\nprint(5)", "code:print(0)\n# Q6\nx = 6"));
        assertEquals("print(5)", answer(b, "Q5").codeCells().get(0).source().lines().toList().get(1));
        assertTrue(answer(b, "Q6").found(), answer(b, "Q6").how());
    }

    @Test
    void oneHeadingForTwoAnswersAnswersBoth() {
        String code = "import multiprocessing\nwith multiprocessing.Pool(4) as p:\n    print(p.map(abs, [1, 2, 3, 4]))";
        for (String heading : List.of("Ans5 & Ans6", "### Q5 and Q6", "**Q5 & 6**")) {
            List<Answer> a = segmenter.segment(notebook("md:### Q4\n" + PROSE, "md:" + heading, "code:" + code));
            assertEquals(code, answer(a, "Q5").codeCells().get(0).source(), heading);
            Answer six = answer(a, "Q6");
            assertTrue(six.found(), heading + ": " + six.how());
            assertTrue(six.how().endsWith("(answered together with Q5)"), six.how());
            assertEquals(code, six.codeCells().get(0).source(), heading);
        }
    }
}

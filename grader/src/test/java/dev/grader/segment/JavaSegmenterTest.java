package dev.grader.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.ingest.Cell;
import dev.grader.ingest.JavaIngestor;
import dev.grader.ingest.Submission;
import dev.grader.rubric.Question;
import dev.grader.rubric.RubricLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Find Java answers by markers, numbered classes and file names, in files read from test resources. */
class JavaSegmenterTest {

    private static final Path RES = Path.of("src/test/resources/segment/java");
    private static JavaSegmenter segmenter;

    @BeforeAll
    static void load() throws Exception {
        List<Question> questions = RubricLoader.load(Path.of("../rubrics/java-threads.yaml")).questions();
        segmenter = new JavaSegmenter(questions);
    }

    private static List<Answer> segment(String name) {
        Submission s = new JavaIngestor().read(RES.resolve(name));
        assertEquals(null, s.problem(), name);
        return segmenter.segment(s);
    }

    private static Answer answer(List<Answer> answers, String id) {
        return answers.stream().filter(a -> a.questionId().equals(id)).findFirst().orElseThrow();
    }

    /** Return the student line numbers a question's copy of the first file keeps (0 for blanked lines). */
    private static List<Integer> kept(Answer a) {
        return a.codeCells().get(0).lines().stream().filter(l -> l > 0).toList();
    }

    @Test
    void markersGiveEachQuestionItsRegionAndTheShareAboveThemKeepingEveryLineNumber() {
        List<Answer> answers = segment("markers.java");
        Answer q5 = answer(answers, "Q5");
        assertTrue(q5.found());
        assertEquals("marker '// Q5' in markers.java", q5.how());
        Cell c = q5.codeCells().get(0);
        String[] lines = c.source().split("\n", -1);
        // imports (lines 1-2) are shared, Q3's lines 4-9 blanked, Q5 from its marker on line 11 to Q6's on line 17
        assertEquals(List.of(1, 2, 3, 11, 12, 13, 14, 15, 16), kept(q5));
        assertEquals("class Q5 {", lines[11]);
        assertEquals("", lines[5]);
        assertEquals(20, lines.length);
    }

    @Test
    void aMarkerInsideAClassIsNotAnAnswerAndSaysSo() {
        List<Answer> answers = segment("marker_in_class.java");
        Answer q3 = answer(answers, "Q3");
        assertFalse(q3.found());
        assertTrue(answer(answers, "Q5").found(), "Q5's marker is at the top level");
        assertTrue(answer(answers, "Q5").notes().stream().anyMatch(n -> n.message().contains("is inside a class")),
                answer(answers, "Q5").notes().toString());
    }

    @Test
    void numberedClassesShareTheirHelpersButNotADriverThatCallsThemAll() {
        List<Answer> answers = segment("classes.java");
        Answer q3 = answer(answers, "Q3");
        assertEquals("class Q3 in classes.java", q3.how());
        String q3Code = q3.codeCells().get(0).source();
        assertTrue(q3Code.contains("class Worker extends Thread"), "a helper class is shared");
        assertFalse(q3Code.contains("Question5.main"), "the driver calling every answer is left out");
        assertFalse(q3Code.contains("class Question5"), "another question's class is left out");
        assertTrue(answer(answers, "Q5").codeCells().get(0).source().contains("class Question5"));
        assertTrue(answer(answers, "Q6").codeCells().get(0).source().contains("class Q6Threads"));
    }

    @Test
    void aFolderGivesEachQuestionItsFileFirstAndEveryUnnumberedFileToAll() {
        List<Answer> answers = segment("folder");
        Answer q5 = answer(answers, "Q5");
        assertEquals("file q5/Main.java", q5.how());
        assertEquals(List.of("q5/Main.java", "Util.java"), q5.codeCells().stream().map(Cell::file).toList());
        assertEquals(List.of("q6/Main.java", "Util.java"), answer(answers, "Q6").codeCells().stream().map(Cell::file)
                .toList());
        assertFalse(answer(answers, "Q3").found());
        assertEquals("no '// Q3' marker, no class named Q3 and no file named Q3.java", answer(answers, "Q3").how());
    }
}

package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.grader.judge.BatchResult;
import dev.grader.judge.ManualGrades;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merge an instructor's CSV of grades: manual wins, totals follow, every bad row is named at its line. */
class ManualGradesTest {

    private static final Path DIR = Path.of("src/test/resources/manual");

    @Test
    void aManualGradeReplacesTheQuestionsPointsAndBadRowsAreNamed() throws IOException {
        List<String> problems = new ArrayList<>();
        ManualGrades grades = ManualGrades.read(DIR.resolve("grades.csv"), problems);
        assertEquals(List.of(), problems);
        BatchResult merged = grades.apply(ReportWriterTest.batch(), problems);
        SubmissionResult evil = merged.submissions().get(0);
        QuestionResult q1 = evil.questions().stream().filter(q -> q.id().equals("Q1")).findFirst().orElseThrow();
        assertEquals(8, q1.points());
        assertEquals("Good, but \"GIL\" is missing", q1.manual().comment());
        assertEquals(12, evil.points(), "8 by hand for Q1 plus 4 from Q3's checks");
        assertNull(evil.questions().stream().filter(q -> q.id().equals("Q3")).findFirst().orElseThrow().manual());
        String name = DIR.resolve("grades.csv").toString();
        assertEquals(List.of(name + ":5: no question Q9 in the rubric", name + ":4: no submission 'nobody' in this batch"),
                problems.stream().filter(p -> !p.contains("slow")).toList());
        assertEquals(List.of(name + ":3: 25.0 points for slow, \"one\" Q3 is outside 0..20.0"),
                problems.stream().filter(p -> p.contains("slow")).toList());
    }

    @Test
    void aWrongHeaderOrBadRowsAreReportedWithTheirLines() throws IOException {
        List<String> problems = new ArrayList<>();
        ManualGrades.read(DIR.resolve("bad-header.csv"), problems);
        assertEquals(1, problems.size());
        assertEquals(DIR.resolve("bad-header.csv") + ":1: the header must name the columns id, question and points "
                + "(and optionally comment), not student,q,score", problems.get(0));
        problems.clear();
        ManualGrades.read(DIR.resolve("bad-rows.csv"), problems);
        String name = DIR.resolve("bad-rows.csv").toString();
        assertEquals(List.of(name + ":2: points 'ten' is not a number", name + ":4: a Q1 is graded twice",
                name + ":5: id and question must not be empty"), problems);
    }

    @Test
    void csvCellsFollowRfc4180() {
        assertEquals(List.of(List.of("a", "b,c", "d\"e"), List.of("", "x")), ManualGrades.parse("a,\"b,c\",\"d\"\"e\"\r\n,x\n"));
    }
}

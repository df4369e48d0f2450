package dev.grader.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grader.analyse.python.PythonAnalyzer;
import dev.grader.build.Program;
import dev.grader.build.Program.Origin;
import dev.grader.lang.python.HelperSource;
import dev.grader.python.Interpreter;
import dev.grader.python.PythonHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Analyse whole programs with a real helper: answer lines only, student locations, code too costly to follow. */
class PythonAnalyzerTest {

    private static PythonHelper helper;
    private static PythonAnalyzer analyzer;

    @BeforeAll
    static void start() throws Exception {
        helper = PythonHelper.start(Interpreter.probe("python3"));
        analyzer = new PythonAnalyzer(new HelperSource(helper));
    }

    @AfterAll
    static void stop() {
        helper.close();
    }

    @Test
    void findingsAreOnTheAnswersLinesOnlyAndSpeakOfCells() {
        // The prelude (lines 1-5) comes from an earlier cell; its never-joined process must not be blamed here.
        String source = String.join("\n",
                "import multiprocessing",
                "def old():",
                "    q = multiprocessing.Process(target=print)",
                "    q.start()",
                "",
                "if __name__ == '__main__':",
                "    for n in range(4):",
                "        p = multiprocessing.Process(target=print, args=(n,))",
                "        p.start()",
                "        p.join()",
                "");
        List<Origin> origins = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            origins.add(new Origin("nb.ipynb cell 2", i));
        }
        for (int i = 1; i <= 6; i++) {
            origins.add(new Origin("nb.ipynb cell 7", i));
        }
        Program program = new Program("Q6", source, origins, "nb.ipynb cell 7", 6, "", null);
        List<Finding> found = analyzer.analyse(program, false);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals("start-join-same-iteration", f.rule());
        assertEquals("cell 7, line 5", f.location());
        assertTrue(f.message().contains("start() (cell 7, line 4)") && f.message().contains("loop at cell 7, line 2"),
                f.message());
    }

    @Test
    void codeThatDoesNotCompileHasNoFindings() {
        assertEquals(List.of(), analyzer.analyse("from multiprocessing import Pool\npool = Pool(\n", "x.py", true));
    }

    @Test
    void codeTooCostlyToFollowGetsNoFindingsRatherThanGuesses() {
        StringBuilder sb = new StringBuilder("from multiprocessing import Pool\n");
        sb.append("def f30():\n    pool = Pool(2)\n    pool.map(abs, [1])\n");
        for (int i = 29; i >= 0; i--) {
            sb.append("def f").append(i).append("():\n");
            for (int k = 0; k < 4; k++) {
                sb.append("    f").append(i + 1).append("()\n");
            }
        }
        sb.append("if __name__ == '__main__':\n    f0()\n");
        // A runaway evaluation would not come back at all; this one gives up and says nothing.
        assertEquals(List.of(), analyzer.analyse(sb.toString(), "costly.py", true));
        String deep = "x = " + "1 + ".repeat(3000) + "1\n";
        assertEquals(List.of(), analyzer.analyse(deep, "deep.py", true));
        List<Finding> after = analyzer.analyse("from multiprocessing import Pool\nif __name__ == '__main__':\n"
                + "    pool = Pool(2)\n    print(pool.map(abs, [1]))\n", "ok.py", true);
        assertEquals(List.of("pool-not-closed"), after.stream().map(Finding::rule).toList());
    }
}

package dev.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile Java answers in process: class files out, errors at the student's file and line. */
class JavaCompilationTest {

    @Test
    void goodSourcesCompileToClassFiles(@TempDir Path out) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Q3.java", "public class Q3 {\n  public static void main(String[] a) throws Exception {\n"
                + "    Thread t = new Thread(() -> System.out.println(1));\n    t.start();\n    t.join();\n  }\n}\n");
        sources.put("Helper.java", "class Helper { static int twice(int x) { return 2 * x; } }\n");
        JavaCompilation.Result r = JavaCompilation.compile(sources, out, 17);
        assertTrue(r.ok(), r.problems().toString());
        assertTrue(Files.exists(out.resolve("Q3.class")) && Files.exists(out.resolve("Helper.class")));
    }

    @Test
    void errorsNameTheStudentsFileAndLine(@TempDir Path out) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Q5.java", "import java.util.concurrent.*;\npublic class Q5 {\n  public static void main(String[] a) {\n"
                + "    ExecutorService ex = Executors.newFixedThreadPool(2)\n    ex.shutdown();\n  }\n}\n");
        JavaCompilation.Result r = JavaCompilation.compile(sources, out, 17);
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("Q5.java") && p.line() == 4 && p.error()
                && p.message().contains("';' expected")), r.problems().toString());
        // a syntax error stops javac before it resolves names: each question compiles on its own
        JavaCompilation.Result q6 = JavaCompilation.compile(Map.of("Q6.java",
                "public class Q6 {\n  void f() { undefinedName(); }\n}\n"), out.resolve("q6"), 17);
        assertFalse(q6.ok());
        assertTrue(q6.problems().stream().anyMatch(p -> p.file().equals("Q6.java") && p.line() == 2
                && p.message().contains("undefinedName")), q6.problems().toString());
        assertEquals(0, q6.problems().stream().filter(p -> p.file().isEmpty()).count(), q6.problems().toString());
    }
}

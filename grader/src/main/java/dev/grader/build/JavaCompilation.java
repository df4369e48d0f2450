package dev.grader.build;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compile a Java answer in the grader's own process with {@code javax.tools} (no javac child), into a folder
 * a sandboxed JVM then runs. Only the compiler runs here: the student's classes are never loaded.
 */
public final class JavaCompilation {

    private JavaCompilation() {
    }

    /**
     * Describe one compiler message at the student's file and line.
     *
     * @param file the student's file name
     * @param line 1-based line, 0 when the message is about no line
     * @param error whether it is an error (else a warning)
     * @param message the compiler's message
     */
    public record Problem(String file, int line, boolean error, String message) {}

    /**
     * Hold the outcome of compiling.
     *
     * @param ok whether every file compiled
     * @param classes the folder holding the class files
     * @param problems the compiler's errors and warnings, in order
     */
    public record Result(boolean ok, Path classes, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Compile sources.
     *
     * @param sources file name to source text, e.g. {@code Q3.java}
     * @param out the folder for the class files (made if needed)
     * @param release the Java release to compile for, e.g. 17
     * @return whether it compiled, and every message at its file and line
     * @throws IllegalStateException when this JVM has no compiler (a JRE without javac)
     */
    public static Result compile(Map<String, String> sources, Path out, int release) throws IOException {
        return compile(sources, out, release, List.of());
    }

    /**
     * Compile sources against a class path.
     *
     * @param sources file name to source text
     * @param out the folder for the class files
     * @param release the Java release to compile for
     * @param classPath folders and jars the sources may use
     * @return whether it compiled, and every message at its file and line
     */
    public static Result compile(Map<String, String> sources, Path out, int release, List<Path> classPath)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run the grader on a JDK");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            StringWriter log = new StringWriter();
            ok = javac.getTask(log, files, diagnostics, List.of("--release", Integer.toString(release), "-Xlint:none",
                    "-proc:none", "-encoding", "UTF-8"), null, units).call();
        }
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.WARNING
                    && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
                continue;
            }
            String file = d.getSource() instanceof Source s ? s.fileName : "";
            problems.add(new Problem(file, d.getLineNumber() > 0 ? (int) d.getLineNumber() : 0,
                    d.getKind() == Diagnostic.Kind.ERROR, d.getMessage(Locale.ROOT)));
        }
        return new Result(ok, out, problems);
    }

    /** Hold one source file in memory, named as the student named it. */
    private static final class Source extends SimpleJavaFileObject {
        final String fileName;
        private final String text;

        Source(String fileName, String text) {
            super(URI.create("string:///" + fileName.replace('\\', '/').replaceAll("[^A-Za-z0-9_./-]", "_")),
                    Kind.SOURCE);
            this.fileName = fileName;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

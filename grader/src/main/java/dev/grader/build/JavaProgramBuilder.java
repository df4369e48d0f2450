package dev.grader.build;

import dev.grader.build.Program.Origin;
import dev.grader.ingest.Cell;
import dev.grader.ingest.Note;
import dev.grader.run.JvmToolchain;
import dev.grader.segment.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Make a runnable Java program of one answer: compile the answer's files with {@code javax.tools}, find the
 * class whose {@code main} runs, rewrite the thread and executor calls so they are recorded, and compile the
 * question's instructor tests against the answer. Compile errors are data on the program, at the student's
 * file and line.
 */
public final class JavaProgramBuilder {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^(?:public\\s+(?:(?:final|abstract|sealed|strictfp)\\s+)*)(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern NUMBER = Pattern.compile("(?i)(?:^|[^a-z])(?:q|ques|question)_?0*(\\d{1,2})(?!\\d)");

    private final int release;

    /** Make a builder that compiles for a Java release (17 and up). */
    public JavaProgramBuilder(int release) {
        this.release = release;
    }

    /**
     * Build the program of one answer.
     *
     * @param answer the answer: one cell per source file, other questions' lines blanked
     * @param number the question's number, to prefer its class when several have a main method
     * @param stdin what the program reads
     * @param tests the instructor's JUnit 5 test sources, by file name; empty for none
     * @return the program (with a compile error when it does not compile) and notes
     */
    public ProgramBuilder.Built build(Answer answer, int number, String stdin, Map<String, String> tests) {
        List<Note> notes = new ArrayList<>();
        List<Cell> cells = answer.codeCells();
        if (cells.isEmpty()) {
            return new ProgramBuilder.Built(null, notes);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Cell> cellOf = new HashMap<>();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        StringBuilder program = new StringBuilder();
        List<Origin> origins = new ArrayList<>();
        for (Cell c : cells) {
            String name = unitName(c, sources.keySet());
            sources.put(name, c.source());
            cellOf.put(name, c);
            offsets.put(simple(name), origins.size());
            String[] lines = c.source().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                program.append(lines[i]).append('\n');
                origins.add(new Origin(c.file(), c.fileLine(i + 1), true));
            }
        }
        String file = cells.get(0).file();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("grader-javac-");
            JavaCompilation.Result r = JavaCompilation.compile(sources, dir.resolve("classes"), release);
            if (!r.ok()) {
                JavaCompilation.Problem first = r.problems().stream().filter(JavaCompilation.Problem::error).findFirst()
                        .orElse(new JavaCompilation.Problem("", 0, true, "the code does not compile"));
                Cell c = cellOf.get(first.file());
                Origin at = c == null ? Origin.NONE : new Origin(c.file(), c.fileLine(first.line()), true);
                long more = r.problems().stream().filter(JavaCompilation.Problem::error).count() - 1;
                String message = oneLine(first.message()) + (more > 0 ? " (and " + more
                        + " more error" + (more == 1 ? "" : "s") + ")" : "");
                return new ProgramBuilder.Built(new Program(answer.questionId(), program.toString(), origins, file, 1,
                        stdin, new Program.SyntaxProblem(at, 0, message), empty()), notes);
            }
            Map<String, byte[]> classes = read(r.classes());
            String main = mainClass(classes, number, new ArrayList<>(offsets.keySet()));
            if (main == null) {
                return new ProgramBuilder.Built(new Program(answer.questionId(), program.toString(), origins, file, 1,
                        stdin, new Program.SyntaxProblem(Origin.NONE, 0, "no class of the answer has a main method: add "
                                + "public static void main(String[] args) to the answer's class"), empty()), notes);
            }
            Instrumenter instrumenter = new Instrumenter(classes);
            Map<String, byte[]> rewritten = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                rewritten.put("classes/" + e.getKey(), instrumenter.instrument(e.getValue(),
                        (src, line) -> offsets.containsKey(src) && line > 0 ? offsets.get(src) + line : 0));
            }
            Map<String, byte[]> testFiles = new LinkedHashMap<>();
            List<String> testClasses = new ArrayList<>();
            String testProblem = null;
            if (!tests.isEmpty()) {
                List<Path> cp = new ArrayList<>(List.of(r.classes()));
                cp.addAll(JvmToolchain.junitJars());
                Map<String, String> named = new LinkedHashMap<>();
                tests.forEach((k, v) -> named.put(k.substring(k.lastIndexOf('/') + 1), v));
                JavaCompilation.Result t = JavaCompilation.compile(named, dir.resolve("tests"), release, cp);
                if (!t.ok()) {
                    JavaCompilation.Problem p = t.problems().stream().filter(JavaCompilation.Problem::error).findFirst()
                            .orElseThrow();
                    testProblem = "the instructor's tests do not compile against this answer (" + p.file() + " line "
                            + p.line() + ": " + oneLine(p.message()) + ")";
                } else {
                    for (Map.Entry<String, byte[]> e : read(t.classes()).entrySet()) {
                        testFiles.put("tests/" + e.getKey(), e.getValue());
                        String cls = new ClassReader(e.getValue()).getClassName();
                        if (!cls.contains("$") && named.containsKey(cls.substring(cls.lastIndexOf('/') + 1) + ".java")) {
                            testClasses.add(cls.replace('/', '.'));
                        }
                    }
                }
            }
            return new ProgramBuilder.Built(new Program(answer.questionId(), program.toString(), origins, file, 1, stdin,
                    null, new Program.Jvm(main, rewritten, offsets, testFiles, testClasses, testProblem)), notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** Join javac's message lines (symbol: ..., location: ...) into one. */
    private static String oneLine(String message) {
        String one = String.join("; ", message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return one.length() > 300 ? one.substring(0, 297) + "..." : one;
    }

    private static Program.Jvm empty() {
        return new Program.Jvm("", Map.of(), Map.of(), Map.of(), List.of(), null);
    }

    /** Name a file for javac: as the student named it, unless its public class needs another name. */
    private static String unitName(Cell c, Set<String> taken) {
        String name = c.file().replace('\\', '/');
        Matcher m = PUBLIC_TYPE.matcher(c.source());
        if (m.find() && !simple(name).equals(m.group(1) + ".java")) {
            int slash = name.lastIndexOf('/');
            name = name.substring(0, slash + 1) + m.group(1) + ".java";
        }
        String unique = name;
        for (int i = 2; taken.contains(unique); i++) {
            unique = "dup" + i + "/" + name;
        }
        return unique;
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * Return the class whose {@code main} runs: the first class with a main method whose name carries the
     * question's number, else the first with a main method in the answer's own files, in file order.
     */
    static String mainClass(Map<String, byte[]> classes, int number, List<String> fileOrder) {
        List<String[]> mains = new ArrayList<>();
        for (byte[] b : classes.values()) {
            ClassReader r = new ClassReader(b);
            int[] firstLine = {Integer.MAX_VALUE};
            boolean[] has = {false};
            String[] source = {""};
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String s, String debug) {
                    source[0] = s == null ? "" : s;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    if (name.equals("main") && desc.equals("([Ljava/lang/String;)V") && (access & Opcodes.ACC_STATIC) != 0) {
                        has[0] = true;
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitLineNumber(int line, Label start) {
                                firstLine[0] = Math.min(firstLine[0], line);
                            }
                        };
                    }
                    return null;
                }
            }, ClassReader.SKIP_FRAMES);
            if (has[0]) {
                mains.add(new String[] {r.getClassName().replace('/', '.'), source[0],
                        Integer.toString(firstLine[0])});
            }
        }
        mains.sort(Comparator.comparingInt((String[] m) -> fileOrder.indexOf(m[1]) < 0 ? Integer.MAX_VALUE
                : fileOrder.indexOf(m[1])).thenComparingInt(m -> Integer.parseInt(m[2])));
        for (String[] m : mains) {
            Matcher n = NUMBER.matcher(m[0].substring(m[0].lastIndexOf('.') + 1));
            if (n.find() && Integer.parseInt(n.group(1)) == number) {
                return m[0];
            }
        }
        return mains.isEmpty() ? null : mains.get(0)[0];
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".class")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left in the temporary folder; never fatal
        }
    }
}

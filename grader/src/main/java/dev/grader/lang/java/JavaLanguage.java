package dev.grader.lang.java;

import dev.grader.analyse.Finding;
import dev.grader.analyse.java.JavaAnalyzer;
import dev.grader.build.JavaProgramBuilder;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Cell;
import dev.grader.ingest.JavaIngestor;
import dev.grader.ingest.Submission;
import dev.grader.judge.RunReader;
import dev.grader.lang.Language;
import dev.grader.lang.Session;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.run.JvmToolchain;
import dev.grader.run.RunSpec;
import dev.grader.run.Toolchain;
import dev.grader.segment.Answer;
import dev.grader.segment.JavaSegmenter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * Grade Java: source files or folders of them, each answer compiled in the grader with {@code javax.tools},
 * analysed with JavaParser, and run in a child JVM with the harness (and its instructor tests with JUnit).
 */
public final class JavaLanguage implements Language {

    private static final RunReader READER = new JavaRunReader();

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String runtimeName() {
        return "JDK";
    }

    @Override
    public List<String> extensions() {
        return List.of(".java");
    }

    @Override
    public String starter(Rubric rubric, String fileName) {
        StringBuilder sb = new StringBuilder("// " + rubric.title() + "\n");
        for (Question q : rubric.questions()) {
            sb.append("\n// ").append(q.id()).append(". ").append(q.prompt()).append("\n");
            if (q.kind() == Question.Kind.PROSE) {
                sb.append("// Your answer, in comments.\n");
            } else {
                sb.append("class ").append(q.id()).append(" {\n    public static void main(String[] args) {\n    }\n}\n");
            }
        }
        return sb.toString();
    }

    @Override
    public Toolchain toolchain(String interpreter, PrintWriter err) {
        if (ToolProvider.getSystemJavaCompiler() == null) {
            err.println("The Java track compiles answers in the grader: run the grader on a JDK, not a JRE ("
                    + System.getProperty("java.home") + " has no compiler).");
            return null;
        }
        return new JvmToolchain();
    }

    @Override
    public String runtime(Toolchain toolchain) {
        return "Java " + Runtime.version().feature();
    }

    @Override
    public Session open(Rubric rubric, Toolchain toolchain) {
        return new JavaSession(rubric);
    }

    @Override
    public RunReader reader() {
        return READER;
    }

    /** Grade in the grader's JVM: javac and JavaParser need no helper. */
    private static final class JavaSession implements Session {

        private final Rubric rubric;
        private final JavaIngestor ingestor = new JavaIngestor();
        private final JavaSegmenter segmenter;
        // answers are compiled for the JDK the grader and the sandboxed JVMs run on (17 or later)
        private final JavaProgramBuilder builder = new JavaProgramBuilder(Runtime.version().feature());
        private final JavaAnalyzer analyzer = new JavaAnalyzer();

        JavaSession(Rubric rubric) {
            this.rubric = rubric;
            this.segmenter = new JavaSegmenter(rubric.questions());
        }

        @Override
        public Submission read(Path path) {
            return ingestor.read(path);
        }

        @Override
        public List<Answer> segment(Submission submission) {
            return segmenter.segment(submission);
        }

        @Override
        public ProgramBuilder.Built build(Submission submission, Answer answer, Question question, String stdin) {
            return builder.build(answer, question.number(), stdin, question.tests());
        }

        /** Find the misuse in an answer's files (JavaParser reads code javac rejects); other questions' lines are not its. */
        @Override
        public List<Finding> analyse(Submission submission, Answer answer, Program program) {
            List<Finding> found = new ArrayList<>();
            for (Cell c : answer.codeCells()) {
                for (Finding f : analyzer.analyse(c.source(), c.file())) {
                    if (f.line() > 0 && c.fileLine(f.line()) > 0) {
                        found.add(f);
                    }
                }
            }
            return found;
        }

        @Override
        public List<RunSpec> runs(String key, Question question, Program program) {
            Program.Jvm jvm = program.jvm();
            List<RunSpec> specs = new ArrayList<>();
            specs.add(new RunSpec(key, "", program.stdin(), rubric.limits(), null, jvm.classes(),
                    List.of("main", jvm.mainClass())));
            if (!jvm.testClasses().isEmpty()) {
                Map<String, byte[]> files = new LinkedHashMap<>(jvm.classes());
                files.putAll(jvm.tests());
                List<String> args = new ArrayList<>(List.of("test"));
                args.addAll(jvm.testClasses());
                specs.add(new RunSpec(key + "#" + RunReader.TESTS, "", "", rubric.limits(), null, files, args));
            }
            return specs;
        }

        @Override
        public void close() {
        }
    }
}

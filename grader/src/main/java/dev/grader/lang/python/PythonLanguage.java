package dev.grader.lang.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.analyse.Finding;
import dev.grader.analyse.python.PythonAnalyzer;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Ingestor;
import dev.grader.ingest.Submission;
import dev.grader.judge.RunReader;
import dev.grader.lang.Language;
import dev.grader.lang.Session;
import dev.grader.python.Interpreter;
import dev.grader.python.PythonHelper;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.run.Limits;
import dev.grader.run.PythonToolchain;
import dev.grader.run.RunSpec;
import dev.grader.run.TestSeal;
import dev.grader.run.Toolchain;
import dev.grader.segment.Answer;
import dev.grader.segment.Segmenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grade Python: notebooks, scripts and their exports, read and analysed with CPython's own parser in a helper
 * process, each answer run by the interpreter with the tracer.
 */
public final class PythonLanguage implements Language {

    private static final RunReader READER = new PythonRunReader();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The file the test runner reads the tests from, and removes before the answer runs. */
    private static final String TESTS_FILE = "tests.json";
    private static final Pattern TEST_FUNCTION = Pattern.compile("(?m)^def\\s+(test\\w*)\\s*\\(");

    @Override
    public String name() {
        return "python";
    }

    @Override
    public String runtimeName() {
        return "Python";
    }

    @Override
    public List<String> extensions() {
        return List.of(".ipynb", ".py");
    }

    @Override
    public String starter(Rubric rubric, String fileName) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            StringBuilder sb = new StringBuilder("# " + rubric.title() + "\n");
            for (Question q : rubric.questions()) {
                sb.append("\n# ").append(q.id()).append(". ").append(q.prompt()).append("\n");
                sb.append(q.kind() == Question.Kind.PROSE ? "# Your answer, in comments.\n" : "\n");
            }
            return sb.toString();
        }
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode cells = nb.putArray("cells");
        ObjectNode title = cells.addObject();
        title.put("cell_type", "markdown");
        title.putObject("metadata");
        title.putArray("source").add("# " + rubric.title());
        for (Question q : rubric.questions()) {
            ObjectNode heading = cells.addObject();
            heading.put("cell_type", "markdown");
            heading.putObject("metadata");
            heading.putArray("source").add("### " + q.id() + ". " + q.prompt());
            ObjectNode answer = cells.addObject();
            answer.put("cell_type", q.kind() == Question.Kind.CODE ? "code" : "markdown");
            answer.putObject("metadata");
            if (q.kind() == Question.Kind.CODE) {
                answer.putNull("execution_count");
                answer.putArray("outputs");
            }
            answer.putArray("source");
        }
        ObjectNode meta = nb.putObject("metadata");
        ObjectNode kernel = meta.putObject("kernelspec");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        meta.putObject("language_info").put("name", "python");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        try {
            return JSON.writeValueAsString(nb) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Toolchain toolchain(String interpreter, PrintWriter err) {
        try {
            return new PythonToolchain(Interpreter.probe(interpreter));
        } catch (Interpreter.InterpreterException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    @Override
    public String runtime(Toolchain toolchain) {
        return ((PythonToolchain) toolchain).interpreter().describe();
    }

    @Override
    public Session open(Rubric rubric, Toolchain toolchain) throws IOException {
        PythonHelper helper;
        try {
            helper = PythonHelper.start(((PythonToolchain) toolchain).interpreter());
        } catch (IOException e) {
            throw new IOException("could not start the Python helper: " + e.getMessage(), e);
        }
        return new PythonSession(rubric, helper);
    }

    @Override
    public RunReader reader() {
        return READER;
    }

    /** Grade with one helper process, which reads notebooks and parses code for the whole batch. */
    private static final class PythonSession implements Session {

        private final Rubric rubric;
        private final PythonHelper helper;
        private final Ingestor ingestor;
        private final Segmenter segmenter;
        private final ProgramBuilder builder;
        private final PythonAnalyzer analyzer;

        PythonSession(Rubric rubric, PythonHelper helper) {
            this.rubric = rubric;
            this.helper = helper;
            this.ingestor = new Ingestor(helper, rubric.markdownCode());
            this.segmenter = new Segmenter(rubric.questions());
            HelperSource source = new HelperSource(helper);
            this.builder = new ProgramBuilder(source);
            this.analyzer = new PythonAnalyzer(source);
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
            return builder.build(submission, answer, stdin);
        }

        @Override
        public List<Finding> analyse(Submission submission, Answer answer, Program program) {
            // CPython's ast cannot read code with a syntax error
            return program.syntaxError() != null ? null : analyzer.analyse(program, isScript(submission.format()));
        }

        @Override
        public List<RunSpec> runs(String key, Question question, Program program) {
            List<RunSpec> specs = new ArrayList<>();
            specs.add(new RunSpec(key, program.source(), program.stdin(), rubric.limits(), rubric.startMethod()));
            if (!question.tests().isEmpty()) {
                // the answer runs again under the test runner, which hands it to the tests once it has run
                // each test may take as long as the answer (then it is stopped, and fails): the run has time for all
                Limits limits = rubric.limits();
                List<String> names = testNames(question.tests());
                Duration each = limits.wallTime();
                Duration total = each.plus(each.plusSeconds(2).multipliedBy(names.size()));
                Limits forTests = new Limits(total, limits.cpuTime().plus(each.multipliedBy(names.size())),
                        limits.memoryBytes(), limits.processes(), limits.fileSizeBytes(), limits.outputBytes());
                String runKey = key + "#" + RunReader.TESTS;
                specs.add(new RunSpec(runKey, program.source(), program.stdin(), forTests, rubric.startMethod(),
                        Map.of(TESTS_FILE, testsFile(question.tests(), names, each, TestSeal.key(runKey))),
                        List.of("tests")));
            }
            if (rubric.spawnCheck() && !"spawn".equals(rubric.startMethod())) {
                specs.add(new RunSpec(key + "#" + PythonRunReader.SPAWN, program.source(), program.stdin(),
                        rubric.limits(), "spawn"));
            }
            return specs;
        }

        /** Name each test of these files as the runner reports it: {@code file::function}. */
        private static List<String> testNames(Map<String, String> tests) {
            List<String> names = new ArrayList<>();
            tests.forEach((name, source) -> {
                Matcher m = TEST_FUNCTION.matcher(source);
                while (m.find()) {
                    names.add(name + "::" + m.group(1));
                }
            });
            return names;
        }

        /**
         * Write the question's tests for the runner: each file's source, each test's name, each test's time limit,
         * the key it seals with.
         */
        private static byte[] testsFile(Map<String, String> tests, List<String> names, Duration each, String seal) {
            ObjectNode root = JSON.createObjectNode();
            root.put("seal", seal);
            root.put("limit", each.toMillis() / 1000.0);
            ObjectNode files = root.putObject("files");
            tests.forEach(files::put);
            ArrayNode list = root.putArray("names");
            names.forEach(list::add);
            try {
                return JSON.writeValueAsBytes(root);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Tell scripts from notebooks: the main guard matters only where the file is run as a script. */
        private static boolean isScript(String format) {
            return format.equals("py") || format.startsWith("py-") && !format.equals("py-cells");
        }

        @Override
        public void close() {
            helper.close();
        }
    }
}

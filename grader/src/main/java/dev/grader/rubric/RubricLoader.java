package dev.grader.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grader.run.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Load a rubric from YAML and validate all of it, reporting every problem with its file and line.
 */
public final class RubricLoader {

    private static final Set<String> TOP_KEYS = Set.of("assignment", "title", "language", "version", "defaults",
            "questions");
    private static final Set<String> DEFAULT_KEYS = Set.of("timeout", "stdin", "max_output", "cpu_time", "memory",
            "processes", "file_size", "start_method", "spawn_check", "markdown_code");
    /** Start methods a rubric or the command line may ask for. */
    public static final Set<String> START_METHODS = Set.of("fork", "spawn", "forkserver");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "number", "title", "text", "kind", "patterns",
            "detect", "stdin", "checks", "tests");
    private static final Set<String> CHECK_KEYS = Set.of("check", "id", "points", "pass", "fail");
    private static final Set<String> DETECTS = Set.of("", "process", "pool", "processes4");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    /** Reads a file named relative to the rubric (instructor tests); returns null when it cannot. */
    private final Function<String, String> files;
    /** The rubric's language, which decides which check types its questions may use. */
    private String language = "python";

    private RubricLoader(String source) {
        this(source, name -> null);
    }

    private RubricLoader(String source, Function<String, String> files) {
        this.source = source;
        this.files = files;
    }

    /** Load and validate a rubric file. */
    public static Rubric load(Path file) throws RubricException {
        if (!Files.isRegularFile(file)) {
            throw new RubricException(List.of(file + ": rubric file not found"));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Path dir = file.toAbsolutePath().getParent();
            return new RubricLoader(file.toString(), name -> {
                try {
                    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }).read(r);
        } catch (IOException e) {
            throw new RubricException(List.of(file + ": cannot read the rubric: " + e.getMessage()));
        }
    }

    /** Load and validate the rubric bundled in the jar at {@code dev/grader/rubrics/NAME}. */
    public static Rubric loadBundled(String name) throws RubricException {
        String resource = "/dev/grader/rubrics/" + name;
        try (InputStream in = RubricLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RubricException(List.of(resource + ": bundled rubric not found"));
            }
            return new RubricLoader("(bundled) " + name, file -> {
                try (InputStream t = RubricLoader.class.getResourceAsStream("/dev/grader/rubrics/" + file)) {
                    return t == null ? null : new String(t.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return null;
                }
            }).read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RubricException(List.of(resource + ": cannot read the rubric: " + e.getMessage()));
        }
    }

    /** Load and validate a rubric from text, naming it {@code source} in messages. */
    public static Rubric parse(String text, String source) throws RubricException {
        try {
            return new RubricLoader(source).read(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new RubricException(List.of(source + ": cannot read the rubric: " + e.getMessage()));
        }
    }

    private Rubric read(Reader reader) throws IOException, RubricException {
        YamlNode root;
        try {
            root = YamlNode.parse(reader);
        } catch (YamlNode.DuplicateKeyException e) {
            throw new RubricException(List.of(source + ":" + e.line + ": " + e.getMessage()));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RubricException(List.of(source + ":" + line + ": not valid YAML: " + e.getOriginalMessage()));
        }
        if (!root.isMap()) {
            throw new RubricException(List.of(source + ":" + root.line() + ": a rubric is a mapping with "
                    + "'assignment' and 'questions'"));
        }
        Map<String, YamlNode> top = root.map();
        unknownKeys(top, TOP_KEYS, "rubric");
        String assignment = text(top, "assignment", root.line(), true, "");
        String title = text(top, "title", root.line(), false, assignment);
        language = text(top, "language", root.line(), false, "python").toLowerCase(Locale.ROOT);
        Set<String> languages = new TreeSet<>();
        CheckSpecs.all().values().forEach(spec -> languages.addAll(spec.languages()));
        if (!languages.contains(language)) {
            // a language is known by its checks: a language with none could not be graded
            problem(top.get("language").line(), "language must be one of " + String.join(", ", languages) + ", not '"
                    + language + "'" + Suggestions.nearest(language, languages));
        }
        String version = text(top, "version", root.line(), false, "1");
        Limits d0 = Limits.DEFAULT;
        Duration timeout = d0.wallTime();
        Duration cpu = d0.cpuTime();
        long memory = d0.memoryBytes();
        int processes = d0.processes();
        long fileSize = d0.fileSizeBytes();
        String startMethod = null;
        boolean spawnCheck = false;
        String stdin = "";
        String markdownCode = Rubric.MARKDOWN_CODE.get(0);
        long maxOutput = d0.outputBytes();
        YamlNode defaults = top.get("defaults");
        if (defaults != null) {
            if (!defaults.isMap()) {
                problem(defaults.line(), "'defaults' must be a mapping (timeout, cpu_time, memory, processes, "
                        + "file_size, max_output, stdin, start_method, spawn_check, markdown_code)");
            } else {
                Map<String, YamlNode> d = defaults.map();
                unknownKeys(d, DEFAULT_KEYS, "defaults");
                if (d.containsKey("timeout")) {
                    timeout = duration("timeout", d.get("timeout"));
                }
                stdin = text(d, "stdin", defaults.line(), false, "");
                if (d.containsKey("max_output")) {
                    maxOutput = size("max_output", d.get("max_output"));
                }
                if (d.containsKey("cpu_time")) {
                    cpu = duration("cpu_time", d.get("cpu_time"));
                }
                if (d.containsKey("memory")) {
                    memory = size("memory", d.get("memory"));
                }
                if (d.containsKey("file_size")) {
                    fileSize = size("file_size", d.get("file_size"));
                }
                if (d.containsKey("processes")) {
                    YamlNode n = d.get("processes");
                    if (n.value() instanceof Number num && num.intValue() >= 2) {
                        processes = num.intValue();
                    } else {
                        problem(n.line(), "'processes' must be a whole number of at least 2");
                    }
                }
                if (d.containsKey("spawn_check")) {
                    YamlNode n = d.get("spawn_check");
                    if (n.value() instanceof Boolean b) {
                        spawnCheck = b;
                    } else {
                        problem(n.line(), "'spawn_check' must be true or false");
                    }
                }
                if (d.containsKey("markdown_code")) {
                    YamlNode n = d.get("markdown_code");
                    markdownCode = String.valueOf(n.value());
                    if (!Rubric.MARKDOWN_CODE.contains(markdownCode)) {
                        problem(n.line(), "'markdown_code' must be note, ignore or run, not '" + markdownCode + "'"
                                + Suggestions.nearest(markdownCode, Set.copyOf(Rubric.MARKDOWN_CODE)));
                    }
                }
                if (d.containsKey("start_method")) {
                    YamlNode n = d.get("start_method");
                    startMethod = String.valueOf(n.value());
                    if (!START_METHODS.contains(startMethod)) {
                        problem(n.line(), "'start_method' must be fork, spawn or forkserver, not '" + startMethod + "'");
                    }
                }
            }
        }
        List<Question> questions = new ArrayList<>();
        YamlNode qs = top.get("questions");
        if (qs == null) {
            problem(root.line(), "missing 'questions' (a list of questions)");
        } else if (qs.list().isEmpty()) {
            problem(qs.line(), "'questions' must be a non-empty list");
        } else {
            Set<String> ids = new HashSet<>();
            for (YamlNode q : qs.list()) {
                Question question = question(q);
                if (question != null && !ids.add(question.id())) {
                    problem(q.line(), "question id '" + question.id() + "' is used twice");
                }
                if (question != null) {
                    questions.add(question);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RubricException(problems);
        }
        Limits limits = new Limits(timeout, cpu, memory, processes, fileSize, maxOutput);
        return new Rubric(assignment, title, language, version, source, limits, startMethod, spawnCheck, stdin,
                markdownCode, questions);
    }

    private Question question(YamlNode node) {
        if (!node.isMap()) {
            problem(node.line(), "each question must be a mapping with id, kind and checks");
            return null;
        }
        Map<String, YamlNode> q = node.map();
        int before = problems.size();
        unknownKeys(q, QUESTION_KEYS, "question");
        String id = text(q, "id", node.line(), true, "");
        int number = 0;
        if (q.containsKey("number")) {
            number = q.get("number").value() instanceof Number n ? n.intValue() : -1;
            if (number <= 0) {
                problem(q.get("number").line(), "'number' must be a positive whole number");
            }
        } else {
            Matcher m = Pattern.compile("(\\d+)").matcher(id);
            if (m.find()) {
                number = Integer.parseInt(m.group(1));
            } else if (!id.isEmpty()) {
                problem(q.get("id").line(), "question id '" + id + "' has no number: add 'number: N'");
            }
        }
        String kindText = text(q, "kind", node.line(), true, "code").toLowerCase(Locale.ROOT);
        Question.Kind kind = Question.Kind.CODE;
        if (kindText.equals("prose")) {
            kind = Question.Kind.PROSE;
        } else if (!kindText.equals("code")) {
            problem(q.get("kind").line(), "kind must be 'code' or 'prose', not '" + kindText + "'");
        }
        List<String> patterns = new ArrayList<>();
        YamlNode p = q.get("patterns");
        if (p != null) {
            if (!(p.value() instanceof List)) {
                problem(p.line(), "'patterns' must be a list of regular expressions");
            }
            for (YamlNode item : p.list()) {
                String regex = String.valueOf(item.value());
                try {
                    Pattern.compile(regex);
                    patterns.add(regex);
                } catch (PatternSyntaxException e) {
                    problem(item.line(), "pattern is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        String detect = text(q, "detect", node.line(), false, "");
        if (!DETECTS.contains(detect)) {
            problem(q.get("detect").line(), "detect must be one of process, pool, processes4, not '" + detect + "'");
        }
        String stdin = q.containsKey("stdin") ? text(q, "stdin", node.line(), false, "") : null;
        Map<String, String> tests = tests(q.get("tests"));
        List<Check> checks = new ArrayList<>();
        YamlNode cs = q.get("checks");
        if (cs == null || cs.list().isEmpty()) {
            problem(cs == null ? node.line() : cs.line(), "question '" + id + "' needs a non-empty list of checks");
        } else {
            Set<String> checkIds = new HashSet<>();
            for (YamlNode c : cs.list()) {
                Check check = check(c, tests);
                if (check != null && !checkIds.add(check.id())) {
                    problem(c.line(), "check id '" + check.id() + "' is used twice in question '" + id
                            + "': give one of them an 'id'");
                }
                if (check != null) {
                    checks.add(check);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Question(id, number, text(q, "title", node.line(), false, id), text(q, "text", node.line(), false, ""),
                kind, patterns, detect, stdin, checks, tests);
    }

    /** Read a question's instructor test files: a list of paths relative to the rubric. */
    private Map<String, String> tests(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        // the check types of the rubric's language say which test files they run
        Set<String> endings = new TreeSet<>();
        CheckSpecs.all().values().stream().filter(spec -> spec.languages().contains(language))
                .forEach(spec -> endings.addAll(spec.testFiles()));
        String allowed = endings.isEmpty() ? "none" : String.join(" or ", endings);
        if (!(node.value() instanceof List)) {
            problem(node.line(), "'tests' must be a list of test files (" + allowed + "), relative to the rubric");
            return out;
        }
        for (YamlNode item : node.list()) {
            String name = String.valueOf(item.value());
            if (endings.stream().noneMatch(name::endsWith)) {
                problem(item.line(), "test file '" + name + "' is not a " + allowed + " file"
                        + (endings.isEmpty() ? " (" + language + " rubrics take no test files)" : ""));
                continue;
            }
            String text = files.apply(name);
            if (text == null) {
                problem(item.line(), "test file '" + name + "' cannot be read (paths are relative to the rubric)");
            } else {
                out.put(name, text);
            }
        }
        return out;
    }

    private Check check(YamlNode node, Map<String, String> tests) {
        if (!node.isMap()) {
            problem(node.line(), "each check must be a mapping with 'check' and 'points'");
            return null;
        }
        Map<String, YamlNode> c = node.map();
        int before = problems.size();
        String type = text(c, "check", node.line(), true, "");
        CheckSpec spec = CheckSpecs.all().get(type);
        if (spec == null) {
            if (!type.isEmpty()) {
                Set<String> known = applicable();
                problem(c.get("check").line(), "unknown check '" + type + "'" + Suggestions.nearest(type, known)
                        + "; the " + language + " checks are " + String.join(", ", new TreeSet<>(known))
                        + " ('grader checks' describes them)");
            }
            return null;
        }
        if (!spec.languages().contains(language)) {
            Set<String> known = applicable();
            problem(c.get("check").line(), "check '" + type + "' does not apply to " + language + " (it applies to "
                    + String.join(", ", new TreeSet<>(spec.languages())) + ")" + Suggestions.nearest(type, known));
            return null;
        }
        Set<String> allowed = new HashSet<>(CHECK_KEYS);
        spec.params().forEach(p -> allowed.add(p.name()));
        unknownKeys(c, allowed, "check '" + type + "'");
        double points = 0;
        YamlNode p = c.get("points");
        if (p == null) {
            problem(node.line(), "check '" + type + "' needs 'points'");
        } else if (!(p.value() instanceof Number n) || n.doubleValue() < 0) {
            problem(p.line(), "'points' must be a number of at least 0");
        } else {
            points = n.doubleValue();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : spec.params()) {
            YamlNode v = c.get(param.name());
            if (v == null) {
                if (param.required()) {
                    problem(node.line(), "check '" + type + "' needs '" + param.name() + "' (" + param.type().reads()
                            + ")");
                }
                continue;
            }
            Object value = ParamReader.read(param, v, this::problem);
            if (value != null) {
                values.put(param.name(), value);
            }
        }
        if (problems.size() == before) {
            CheckSpec.Problem problem = spec.problem(values, tests);
            if (problem != null) {
                problem(c.getOrDefault(problem.param(), node).line(), problem.message());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String id = text(c, "id", node.line(), false, type);
        return new Check(id, type, points, values, text(c, "pass", node.line(), false, ""),
                text(c, "fail", node.line(), false, ""));
    }

    /** Return the names of the check types that apply to the rubric's language. */
    private Set<String> applicable() {
        Set<String> names = new TreeSet<>();
        CheckSpecs.all().forEach((name, spec) -> {
            if (spec.languages().contains(language)) {
                names.add(name);
            }
        });
        return names;
    }

    private String text(Map<String, YamlNode> map, String key, int parentLine, boolean required, String fallback) {
        YamlNode n = map.get(key);
        if (n == null || n.value() == null) {
            if (required) {
                problem(n == null ? parentLine : n.line(), "missing '" + key + "'");
            }
            return fallback;
        }
        if (n.value() instanceof Map || n.value() instanceof List) {
            problem(n.line(), "'" + key + "' must be text");
            return fallback;
        }
        return n.value().toString();
    }

    private Duration duration(String key, YamlNode n) {
        String s = String.valueOf(n.value()).trim();
        Duration d = Quantities.duration(s);
        if (d == null) {
            problem(n.line(), key + " '" + s + "' is not a duration more than 0 such as 10s, 500ms or 2m");
            return Duration.ofSeconds(10);
        }
        return d;
    }

    private long size(String key, YamlNode n) {
        String s = String.valueOf(n.value()).trim();
        Long v = Quantities.size(s);
        if (v == null) {
            problem(n.line(), key + " '" + s + "' is not a size more than 0 such as 65536, 256KiB or 1MiB");
            return 256 * 1024;
        }
        return v;
    }

    private void unknownKeys(Map<String, YamlNode> map, Set<String> allowed, String where) {
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue().line(), "unknown key '" + e.getKey() + "' in " + where
                        + Suggestions.nearest(e.getKey(), allowed));
            }
        }
    }

    private void problem(int line, String message) {
        problems.add(source + ":" + line + ": " + message);
    }
}

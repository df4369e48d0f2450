package dev.grader.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grader.analyse.Catalogue;
import dev.grader.analyse.RuleInfo;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Load a rubric from YAML and validate all of it, reporting every problem with its file and line.
 */
public final class RubricLoader {

    /** Check types and the parameters each accepts. */
    public static final Map<String, Set<String>> CHECK_PARAMS = Map.ofEntries(
            Map.entry("answered", Set.of("min_words")),
            Map.entry("runs", Set.of()),
            Map.entry("process_started", Set.of()),
            Map.entry("process_joined", Set.of()),
            Map.entry("pool_created", Set.of()),
            Map.entry("pool_used", Set.of()),
            Map.entry("pool_closed", Set.of()),
            Map.entry("processes_started", Set.of("min")),
            Map.entry("children_print", Set.of()),
            Map.entry("distinct_outputs", Set.of("count")),
            Map.entry("output_matches", Set.of("regex")),
            Map.entry("no_findings", Set.of("rules", "severity")));

    private static final Set<String> TOP_KEYS = Set.of("assignment", "title", "language", "version", "defaults",
            "questions");
    private static final Set<String> DEFAULT_KEYS = Set.of("timeout", "stdin", "max_output");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "number", "title", "text", "kind", "patterns",
            "detect", "stdin", "checks");
    private static final Set<String> CHECK_KEYS = Set.of("check", "id", "points", "pass", "fail");
    private static final Set<String> DETECTS = Set.of("", "process", "pool", "processes4");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB|k|K|M|G)?");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private RubricLoader(String source) {
        this.source = source;
    }

    /** Load and validate a rubric file. */
    public static Rubric load(Path file) throws RubricException {
        if (!Files.isRegularFile(file)) {
            throw new RubricException(List.of(file + ": rubric file not found"));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new RubricLoader(file.toString()).read(r);
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
            return new RubricLoader("(bundled) " + name).read(new InputStreamReader(in, StandardCharsets.UTF_8));
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
        String language = text(top, "language", root.line(), false, "python").toLowerCase(Locale.ROOT);
        if (!language.equals("python") && !language.equals("java")) {
            problem(top.get("language").line(), "language must be 'python' or 'java', not '" + language + "'");
        }
        String version = text(top, "version", root.line(), false, "1");
        Duration timeout = Duration.ofSeconds(10);
        String stdin = "";
        long maxOutput = 256 * 1024;
        YamlNode defaults = top.get("defaults");
        if (defaults != null) {
            if (!defaults.isMap()) {
                problem(defaults.line(), "'defaults' must be a mapping (timeout, stdin, max_output)");
            } else {
                Map<String, YamlNode> d = defaults.map();
                unknownKeys(d, DEFAULT_KEYS, "defaults");
                if (d.containsKey("timeout")) {
                    timeout = duration(d.get("timeout"));
                }
                stdin = text(d, "stdin", defaults.line(), false, "");
                if (d.containsKey("max_output")) {
                    maxOutput = size(d.get("max_output"));
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
        return new Rubric(assignment, title, language, version, source, timeout, stdin, maxOutput, questions);
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
        List<Check> checks = new ArrayList<>();
        YamlNode cs = q.get("checks");
        if (cs == null || cs.list().isEmpty()) {
            problem(cs == null ? node.line() : cs.line(), "question '" + id + "' needs a non-empty list of checks");
        } else {
            Set<String> checkIds = new HashSet<>();
            for (YamlNode c : cs.list()) {
                Check check = check(c);
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
                kind, patterns, detect, stdin, checks);
    }

    private Check check(YamlNode node) {
        if (!node.isMap()) {
            problem(node.line(), "each check must be a mapping with 'check' and 'points'");
            return null;
        }
        Map<String, YamlNode> c = node.map();
        int before = problems.size();
        String type = text(c, "check", node.line(), true, "");
        Set<String> params = CHECK_PARAMS.get(type);
        if (params == null && !type.isEmpty()) {
            problem(c.get("check").line(), "unknown check '" + type + "'" + suggest(type, CHECK_PARAMS.keySet())
                    + "; known checks: " + String.join(", ", new java.util.TreeSet<>(CHECK_PARAMS.keySet())));
            return null;
        }
        Set<String> allowed = new HashSet<>(CHECK_KEYS);
        if (params != null) {
            allowed.addAll(params);
        }
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
        for (String param : params == null ? Set.<String>of() : params) {
            YamlNode v = c.get(param);
            if (v == null) {
                continue;
            }
            if (param.equals("rules")) {
                List<String> ids = ruleIds(v);
                if (ids != null) {
                    values.put(param, ids);
                }
            } else if (param.equals("severity")) {
                String sev = String.valueOf(v.value());
                if (Set.of("error", "warning", "info").contains(sev)) {
                    values.put(param, sev);
                } else {
                    problem(v.line(), "'severity' must be error, warning or info, not '" + sev + "'");
                }
            } else if (param.equals("regex")) {
                try {
                    Pattern.compile(String.valueOf(v.value()));
                    values.put(param, String.valueOf(v.value()));
                } catch (PatternSyntaxException e) {
                    problem(v.line(), "'regex' is not a valid regular expression: " + e.getDescription());
                }
            } else if (v.value() instanceof Number n && n.intValue() >= 0) {
                values.put(param, n.intValue());
            } else {
                problem(v.line(), "'" + param + "' must be a whole number of at least 0");
            }
        }
        if (type.equals("output_matches") && !values.containsKey("regex") && problems.size() == before) {
            problem(node.line(), "check 'output_matches' needs 'regex'");
        }
        if (problems.size() > before) {
            return null;
        }
        String id = text(c, "id", node.line(), false, type);
        return new Check(id, type, points, values, text(c, "pass", node.line(), false, ""),
                text(c, "fail", node.line(), false, ""));
    }

    /** Read a list of rule ids, each one the catalogue knows; report each unknown id at its line. */
    private List<String> ruleIds(YamlNode v) {
        List<YamlNode> items = v.value() instanceof List<?> ? v.list() : List.of(v);
        List<String> ids = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : items) {
            String id = String.valueOf(item.value());
            if (Catalogue.find(id).isEmpty()) {
                problem(item.line(), "unknown rule '" + id + "'" + suggest(id, Catalogue.all().stream()
                        .map(RuleInfo::id).collect(Collectors.toSet())) + "; 'grader rules' lists them");
                ok = false;
            }
            ids.add(id);
        }
        return ok ? ids : null;
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

    private Duration duration(YamlNode n) {
        String s = String.valueOf(n.value()).trim();
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            problem(n.line(), "timeout '" + s + "' is not a duration such as 10s, 500ms or 2m");
            return Duration.ofSeconds(10);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = (long) (unit.equals("ms") ? v : unit.equals("m") ? v * 60_000 : v * 1000);
        if (millis <= 0) {
            problem(n.line(), "timeout must be more than 0");
            return Duration.ofSeconds(10);
        }
        return Duration.ofMillis(millis);
    }

    private long size(YamlNode n) {
        String s = String.valueOf(n.value()).trim();
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            problem(n.line(), "max_output '" + s + "' is not a size such as 65536, 256KiB or 1MiB");
            return 256 * 1024;
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KiB", "k", "K", "KB" -> v * 1024;
            case "MiB", "M", "MB" -> v * 1024 * 1024;
            case "GiB", "G", "GB" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
    }

    private void unknownKeys(Map<String, YamlNode> map, Set<String> allowed, String where) {
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue().line(), "unknown key '" + e.getKey() + "' in " + where
                        + suggest(e.getKey(), allowed));
            }
        }
    }

    /** Return " (did you mean 'x'?)" for the known word nearest to a misspelt one, or "" when none is near. */
    public static String suggest(String word, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void problem(int line, String message) {
        problems.add(source + ":" + line + ": " + message);
    }
}

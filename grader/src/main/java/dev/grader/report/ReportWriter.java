package dev.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.analyse.Finding;
import dev.grader.ingest.Note;
import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CodeListing;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.RunSummary;
import dev.grader.judge.SubmissionResult;
import dev.grader.judge.Verdict;
import dev.grader.run.Trace;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Write a batch's reports: {@code results.json}, {@code grades.csv}, an HTML class overview and one HTML
 * page per student.
 *
 * <p>HTML comes from FreeMarker templates with HTML auto-escaping, so nothing a student wrote is ever
 * interpreted by the browser. Every submission has its row and its page, whatever its status.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Configuration freemarker;

    /**
     * Make a writer.
     *
     * @param templates a folder whose {@code .ftlh} templates replace the bundled ones of the same name, or
     *     {@code null} for the bundled templates
     * @throws IOException when the folder cannot be read
     */
    public ReportWriter(Path templates) throws IOException {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        TemplateLoader bundled = new ClassTemplateLoader(ReportWriter.class, "/dev/grader/templates");
        freemarker.setTemplateLoader(templates == null ? bundled
                : new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templates.toFile()), bundled}));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setLocale(Locale.ROOT);
        freemarker.setNumberFormat("0.##");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setRecognizeStandardFileExtensions(true);
    }

    /**
     * Write every report of the batch into the folder, creating it.
     *
     * @return the files written
     * @throws IOException when a file cannot be written or a template fails
     */
    public List<Path> write(BatchResult batch, Path outDir) throws IOException {
        Files.createDirectories(outDir.resolve("students"));
        List<Path> written = new ArrayList<>();
        ObjectNode results = results(batch);
        written.add(atomically(outDir.resolve("results.json"), JSON.writeValueAsString(results) + "\n"));
        written.add(atomically(outDir.resolve("grades.csv"), Formats.gradebook(batch)));
        written.add(atomically(outDir.resolve("junit.xml"), Formats.junit(batch)));
        @SuppressWarnings("unchecked")
        Map<String, Object> model = JSON.convertValue(results, LinkedHashMap.class);
        List<String> pages = pageNames(batch);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subs = (List<Map<String, Object>>) model.get("submissions");
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).put("page", "students/" + pages.get(i));
            subs.get(i).put("flags", flags(batch.submissions().get(i)));
        }
        model.put("question_ids", questionIds(batch));
        model.putAll(dashboard(batch));
        written.add(atomically(outDir.resolve("index.html"), render("index.ftlh", model)));
        for (int i = 0; i < subs.size(); i++) {
            Map<String, Object> page = new LinkedHashMap<>(model);
            page.put("s", subs.get(i));
            written.add(atomically(outDir.resolve("students").resolve(pages.get(i)), render("student.ftlh", page)));
        }
        Files.createDirectories(outDir.resolve("classroom"));
        Files.createDirectories(outDir.resolve("gradescope"));
        for (int i = 0; i < subs.size(); i++) {
            String json = pages.get(i).replaceAll("\\.html$", ".json");
            SubmissionResult s = batch.submissions().get(i);
            written.add(atomically(outDir.resolve("classroom").resolve(json), Formats.classroom(s)));
            written.add(atomically(outDir.resolve("gradescope").resolve(json), Formats.gradescope(s)));
        }
        return written;
    }

    private String render(String name, Map<String, Object> model) throws IOException {
        try {
            Template t = freemarker.getTemplate(name);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (TemplateException e) {
            throw new IOException("template " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static Path atomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(content);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Return the page name of each submission: safe characters only, unique within the batch. */
    public static List<String> pageNames(BatchResult batch) {
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (SubmissionResult s : batch.submissions()) {
            String base = s.id().replaceAll("[^A-Za-z0-9._-]", "_");
            if (base.isEmpty() || base.startsWith(".")) {
                base = "_" + base;
            }
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            out.add(name + ".html");
        }
        return out;
    }

    /** Compute the class overview: distribution of totals, pass rate of each check, count of each finding. */
    static Map<String, Object> dashboard(BatchResult batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        int[] bins = new int[10];
        for (SubmissionResult s : batch.submissions()) {
            double pct = s.maxPoints() <= 0 ? 0 : 100.0 * s.points() / s.maxPoints();
            bins[Math.min(9, Math.max(0, (int) (pct / 10)))]++;
        }
        int most = Math.max(1, Arrays.stream(bins).max().orElse(1));
        List<Map<String, Object>> distribution = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("label", i == 9 ? "90-100%" : (i * 10) + "-" + (i * 10 + 9) + "%");
            bin.put("count", bins[i]);
            bin.put("height", Math.round(100.0 * bins[i] / most));
            distribution.add(bin);
        }
        m.put("distribution", distribution);
        Map<String, int[]> rates = new LinkedHashMap<>();
        Map<String, int[]> findings = new TreeMap<>();
        Map<String, String> severities = new LinkedHashMap<>();
        for (SubmissionResult s : batch.submissions()) {
            for (QuestionResult q : s.questions()) {
                for (CheckResult c : q.checks()) {
                    int[] r = rates.computeIfAbsent(q.id() + " " + c.id(), k -> new int[2]);
                    r[1]++;
                    if (c.verdict() == Verdict.PASS) {
                        r[0]++;
                    }
                }
                for (Finding f : q.findings()) {
                    findings.computeIfAbsent(f.rule(), k -> new int[1])[0]++;
                    severities.put(f.rule(), f.severity().label());
                }
            }
        }
        List<Map<String, Object>> checkRates = new ArrayList<>();
        rates.forEach((k, r) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", k);
            row.put("passed", r[0]);
            row.put("total", r[1]);
            row.put("percent", Math.round(100.0 * r[0] / r[1]));
            checkRates.add(row);
        });
        m.put("check_rates", checkRates);
        List<Map<String, Object>> findingCounts = new ArrayList<>();
        findings.forEach((rule, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", rule);
            row.put("severity", severities.get(rule));
            row.put("count", n[0]);
            findingCounts.add(row);
        });
        m.put("finding_counts", findingCounts);
        return m;
    }

    static List<String> questionIds(BatchResult batch) {
        Set<String> ids = new LinkedHashSet<>();
        for (SubmissionResult s : batch.submissions()) {
            for (QuestionResult q : s.questions()) {
                ids.add(q.id());
            }
        }
        return new ArrayList<>(ids);
    }

    private static List<String> flags(SubmissionResult s) {
        List<String> out = new ArrayList<>();
        if (!s.status().equals("graded")) {
            out.add(s.status().replace('_', ' ') + (s.reason() == null ? "" : ": " + s.reason()));
        }
        for (QuestionResult q : s.questions()) {
            if (q.run() != null && q.run().timedOut()) {
                out.add(q.id() + " timed out");
            }
            if (q.run() != null && q.run().limit() != null) {
                out.add(q.id() + ": " + q.run().limit());
            }
            if (q.status().equals("environment")) {
                out.add(q.id() + ": environment problem, not graded");
            }
        }
        return out;
    }

    /** Build results.json: the documented shape, snake_case, stable order. */
    static ObjectNode results(BatchResult b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        root.put("assignment", b.assignment());
        ObjectNode rubric = root.putObject("rubric");
        rubric.put("title", b.rubricTitle());
        rubric.put("version", b.rubricVersion());
        rubric.put("source", b.rubricSource());
        root.putObject("grader").put("version", b.graderVersion());
        root.put("isolation", b.isolation());
        root.put("python", b.python());
        root.put("graded_at", b.gradedAt() == null ? null : b.gradedAt().toString());
        double max = b.submissions().stream().mapToDouble(SubmissionResult::maxPoints).max().orElse(0);
        putNumber(root, "max_points", max);
        ArrayNode subs = root.putArray("submissions");
        for (SubmissionResult s : b.submissions()) {
            ObjectNode o = subs.addObject();
            o.put("id", s.id());
            o.put("file", s.file());
            o.put("format", s.format());
            o.put("status", s.status());
            o.put("reason", s.reason());
            putNumber(o, "points", s.points());
            putNumber(o, "max_points", s.maxPoints());
            notes(o.putArray("notes"), s.notes());
            ArrayNode qs = o.putArray("questions");
            for (QuestionResult q : s.questions()) {
                question(qs.addObject(), q);
            }
        }
        return root;
    }

    private static void question(ObjectNode o, QuestionResult q) {
        o.put("id", q.id());
        o.put("title", q.title());
        o.put("kind", q.kind());
        o.put("status", q.status());
        o.put("how", q.how());
        putNumber(o, "points", q.points());
        putNumber(o, "max_points", q.maxPoints());
        o.put("prose", q.prose());
        notes(o.putArray("notes"), q.notes());
        if (q.manual() == null) {
            o.putNull("manual");
        } else {
            ObjectNode m = o.putObject("manual");
            putNumber(m, "points", q.manual().points());
            m.put("comment", q.manual().comment());
        }
        ArrayNode findings = o.putArray("findings");
        for (Finding f : q.findings()) {
            findings.addObject().put("rule", f.rule()).put("severity", f.severity().label()).put("question", q.id())
                    .put("file", f.origin().file()).put("line", f.line()).put("location", f.location())
                    .put("message", f.message());
        }
        ArrayNode checks = o.putArray("checks");
        for (CheckResult c : q.checks()) {
            ObjectNode co = checks.addObject();
            co.put("id", c.id());
            co.put("type", c.type());
            co.put("status", c.verdict().label());
            putNumber(co, "points", c.points());
            putNumber(co, "max_points", c.maxPoints());
            co.put("feedback", c.feedback());
            ArrayNode ev = co.putArray("evidence");
            c.evidence().forEach(ev::add);
        }
        RunSummary r = q.run();
        if (r == null) {
            o.putNull("run");
        } else {
            ObjectNode ro = o.putObject("run");
            ro.put("exit_code", r.exitCode());
            ro.put("timed_out", r.timedOut());
            ro.put("limit", r.limit());
            ArrayNode hangs = ro.putArray("hangs");
            for (RunSummary.Hang h : r.hangs()) {
                ObjectNode ho = hangs.addObject().put("process", h.process()).put("blocked_at", h.blockedAt());
                ArrayNode frames = ho.putArray("frames");
                h.frames().forEach(frames::add);
            }
            ArrayNode timeline = ro.putArray("timeline");
            for (Trace.Span b : r.timeline()) {
                timeline.addObject().put("lane", b.lane()).put("kind", b.kind()).put("from_ms", b.fromMs())
                        .put("to_ms", b.toMs()).put("label", b.label());
            }
            ro.put("wall_ms", r.wallMillis());
            ro.put("stdout", r.stdout());
            ro.put("stderr", r.stderr());
            ro.put("error", r.error());
            ArrayNode units = ro.putArray("units");
            for (RunSummary.UnitOutput u : r.units()) {
                ObjectNode uo = units.addObject();
                uo.put("label", u.label());
                uo.put("kind", u.kind());
                uo.put("output", u.output());
                uo.put("error", u.error());
            }
        }
        CodeListing code = q.code();
        if (code == null) {
            o.putNull("code");
        } else {
            ObjectNode co = o.putObject("code");
            co.put("file", code.file());
            ArrayNode lines = co.putArray("lines");
            for (CodeListing.Line l : code.lines()) {
                ObjectNode lo = lines.addObject().put("n", l.number()).put("text", l.text());
                if (!l.file().isEmpty() && !l.file().equals(code.file())) {
                    lo.put("file", l.file());
                }
            }
        }
    }

    private static void notes(ArrayNode arr, List<Note> notes) {
        for (Note n : notes) {
            arr.addObject().put("file", n.file()).put("line", n.line()).put("message", n.message());
        }
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(field, (long) v);
        } else {
            o.put(field, v);
        }
    }

    /** Build grades.csv: id, points per question, total, max, status. */

    /** Quote a cell per RFC 4180 and defuse spreadsheet formulas in student-chosen text. */
    static String csvCell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Format points without trailing zeros: 10, 2.5. */
    static String number(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

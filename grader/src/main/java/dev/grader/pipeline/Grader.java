package dev.grader.pipeline;

import dev.grader.analyse.Finding;
import dev.grader.build.Program;
import dev.grader.build.ProgramBuilder;
import dev.grader.ingest.Note;
import dev.grader.ingest.Submission;
import dev.grader.ingest.SubmissionFinder;
import dev.grader.judge.BatchResult;
import dev.grader.judge.Judge;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.lang.Language;
import dev.grader.lang.Languages;
import dev.grader.lang.Session;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.run.RunResult;
import dev.grader.run.RunSpec;
import dev.grader.run.Runner;
import dev.grader.run.Toolchain;
import dev.grader.run.WorkerPool;
import dev.grader.segment.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grade submissions through every stage: ingest, segment, build, run on the worker pool, judge.
 *
 * <p>A submission that fails at any stage still gets a result with a status and a reason; nothing a
 * submission does ends the batch.
 */
public final class Grader implements AutoCloseable {

    private final Rubric rubric;
    private final Language language;
    private final Toolchain toolchain;
    private final Runner runner;
    private final int jobs;
    private final Session session;
    private final Judge judge;
    private ResultCache cache;
    private boolean reuse;
    private int reused;
    private long preparing;

    /**
     * Make a grader for one rubric.
     *
     * @param rubric the rubric
     * @param toolchain what the rubric language's programs run with ({@link Language#toolchain})
     * @param runner how programs are run
     * @param jobs how many programs run at once
     * @throws IOException when the language cannot start what it needs (the message says what)
     */
    public Grader(Rubric rubric, Toolchain toolchain, Runner runner, int jobs) throws IOException {
        this.rubric = rubric;
        this.language = Languages.of(rubric.language());
        this.toolchain = toolchain;
        this.runner = runner;
        this.jobs = Math.max(1, jobs);
        this.judge = new Judge(language.reader());
        this.session = language.open(rubric, toolchain);
    }

    /** Return the grader's version, as built. */
    public static String version() {
        return built("version");
    }

    /** Return when the grader was built: one build does not reuse the results another kept. */
    public static String build() {
        return built("build");
    }

    private static String built(String key) {
        try (InputStream in = Grader.class.getResourceAsStream("/dev/grader/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Grade every submission found under the inputs.
     *
     * @param inputs files (one submission each) and folders (each first-level entry one submission)
     * @param progress told of each finished step, for a progress display: {@code read FILE} per submission read,
     *     {@code runs N} once the programs to run are known, {@code ran KEY} per program run
     * @return the results, sorted by submission id
     */
    public BatchResult grade(List<Path> inputs, Consumer<String> progress) {
        return gradeSubmissions(SubmissionFinder.find(inputs), progress);
    }

    /**
     * Grade one submission, a file or a folder of files (a folder is one student's here, not a batch).
     *
     * @param submission the submission
     * @return the result of a batch of one
     */
    public BatchResult gradeOne(Path submission) {
        return gradeSubmissions(List.of(submission), step -> { });
    }

    /**
     * Keep results in a cache and reuse those of unchanged submissions.
     *
     * @param cache the cache, or {@code null} for none
     * @param reuse whether to reuse kept results; false grades everything again and keeps the new results
     */
    public Grader withCache(ResultCache cache, boolean reuse) {
        this.cache = cache;
        this.reuse = reuse;
        return this;
    }

    /** Return how many results the last batch reused from the cache. */
    public int reused() {
        return reused;
    }

    /** Return the nanoseconds the last batch spent reading, segmenting, building and analysing (alongside runs). */
    public long preparing() {
        return preparing;
    }

    /**
     * Grade these submissions, each path one student's (as {@link SubmissionFinder#find} lists them).
     *
     * @param paths the submissions
     * @param progress told of each finished step, as for {@link #grade}
     * @return the results, sorted by submission id
     */
    public BatchResult gradeSubmissions(List<Path> paths, Consumer<String> progress) {
        reused = 0;
        preparing = 0;
        List<SubmissionResult> kept = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, RunResult> runs = new LinkedHashMap<>();
        // a submission's programs start as soon as it is prepared, while the next one is read and analysed
        try (WorkerPool pool = new WorkerPool(jobs)) {
            List<Future<RunResult>> queued = new ArrayList<>();
            for (Path p : paths) {
                String key = cache == null ? null : cache.key(p);
                Optional<SubmissionResult> hit = key == null || !reuse ? Optional.empty() : cache.get(key);
                if (hit.isPresent()) {
                    SubmissionResult r = hit.get();
                    // the same bytes may sit elsewhere now: the result says where they are
                    kept.add(new SubmissionResult(r.id(), p.toString(), r.format(), r.status(), r.reason(), r.points(),
                            r.maxPoints(), r.questions(), r.notes()));
                    reused++;
                    progress.accept("read " + p.getFileName());
                    continue;
                }
                long started = System.nanoTime();
                Prepared prep = prepare(p);
                preparing += System.nanoTime() - started;
                prepared.add(prep);
                keys.add(key);
                progress.accept("read " + p.getFileName());
                for (RunSpec spec : specs(prep)) {
                    queued.add(pool.submit(() -> {
                        RunResult r = runSafely(spec);
                        progress.accept("ran " + spec.key());
                        return r;
                    }));
                }
                progress.accept("runs " + queued.size());
            }
            for (RunResult r : pool.collect(queued)) {
                runs.put(r.key(), r);
            }
        }
        List<SubmissionResult> results = new ArrayList<>(kept);
        for (int i = 0; i < prepared.size(); i++) {
            SubmissionResult r = finish(prepared.get(i), runs);
            results.add(r);
            if (keys.get(i) != null) {
                cache.put(keys.get(i), r);
            }
        }
        results.sort(Comparator.comparing(SubmissionResult::id));
        return new BatchResult(rubric.assignment(), rubric.title(), rubric.version(), rubric.source(), version(),
                runner.isolation(), language.runtime(toolchain), Instant.now(),
                results);
    }

    /** List the runs of one prepared submission: each program's own, then its others (tests, another start method). */
    private List<RunSpec> specs(Prepared p) {
        List<RunSpec> specs = new ArrayList<>();
        for (Map.Entry<String, Program> e : p.programs.entrySet()) {
            Program program = e.getValue();
            if (program != null && program.syntaxError() == null) {
                specs.addAll(session.runs(p.key(e.getKey()), rubric.question(e.getKey()).orElseThrow(), program));
            }
        }
        return specs;
    }

    private RunResult runSafely(RunSpec spec) {
        try {
            return runner.run(spec);
        } catch (RuntimeException e) {
            return new RunResult(spec.key(), -1, false, false, "", "", 0, null, "grader error: " + e);
        }
    }

    private Prepared prepare(Path path) {
        String id = idOf(path);
        try {
            Submission s = session.read(path);
            if (s.problem() != null) {
                return new Prepared(s, List.of(), Map.of(), Map.of(), Map.of(), null);
            }
            List<Answer> answers = session.segment(s);
            Map<String, Program> programs = new LinkedHashMap<>();
            Map<String, List<Note>> notes = new LinkedHashMap<>();
            Map<String, List<Finding>> findings = new LinkedHashMap<>();
            for (Answer a : answers) {
                Question q = rubric.question(a.questionId()).orElseThrow();
                if (q.kind() != Question.Kind.CODE || !a.found()) {
                    continue;
                }
                String stdin = q.stdin() != null ? q.stdin() : rubric.stdin();
                ProgramBuilder.Built built = session.build(s, a, q, stdin);
                programs.put(q.id(), built.program());
                List<Note> questionNotes = new ArrayList<>(built.notes());
                if (built.program() != null) {
                    try {
                        List<Finding> found = session.analyse(s, a, built.program());
                        if (found != null) {
                            findings.put(q.id(), found);
                        }
                    } catch (RuntimeException e) {
                        questionNotes.add(new Note(built.program().file(), 0,
                                "the code could not be analysed for misuse (grader error: " + stackTop(e) + ")"));
                    }
                }
                notes.put(q.id(), questionNotes);
            }
            return new Prepared(s, answers, programs, notes, findings, null);
        } catch (RuntimeException e) {
            Submission s = Submission.failed(id, path, "grader_error", "grader error while reading: " + stackTop(e));
            return new Prepared(s, List.of(), Map.of(), Map.of(), Map.of(), e);
        }
    }

    private SubmissionResult finish(Prepared p, Map<String, RunResult> runs) {
        Submission s = p.submission;
        if (s.problem() != null) {
            List<QuestionResult> none = new ArrayList<>();
            for (Question q : rubric.questions()) {
                none.add(judge.judge(q, Answer.missing(q.id(), "the submission could not be read: " + s.problem().reason()),
                        null, null, List.of()));
            }
            return new SubmissionResult(s.id(), s.path().toString(), s.format(), s.problem().status(),
                    s.problem().reason(), 0, rubric.maxPoints(), none, s.notes());
        }
        try {
            List<QuestionResult> questions = new ArrayList<>();
            for (Answer a : p.answers) {
                Question q = rubric.question(a.questionId()).orElseThrow();
                Program program = p.programs.get(q.id());
                RunResult run = program == null ? null : runs.get(p.key(q.id()));
                Map<String, RunResult> others = new LinkedHashMap<>();
                String prefix = p.key(q.id()) + "#";
                runs.forEach((key, r) -> {
                    if (key.startsWith(prefix)) {
                        others.put(key.substring(prefix.length()), r);
                    }
                });
                QuestionResult r = judge.judge(q, a, program, run, p.findings.getOrDefault(q.id(), List.of()),
                        others);
                List<Note> extra = new ArrayList<>(p.notes.getOrDefault(q.id(), List.of()));
                if (program != null) {
                    extra.addAll(language.reader().notes(program, run, others));
                }
                if (!extra.isEmpty()) {
                    r = r.withNotes(extra);
                }
                questions.add(r);
            }
            double points = questions.stream().mapToDouble(QuestionResult::points).sum();
            List<String> problems = new ArrayList<>();
            for (QuestionResult q : questions) {
                if (!q.status().equals("ran") && !q.status().equals("answered")) {
                    problems.add(q.id() + " " + q.status().replace('_', ' '));
                }
            }
            String status = problems.isEmpty() ? "graded" : "graded_with_errors";
            if (questions.stream().anyMatch(q -> q.status().equals("grader_error"))) {
                status = "grader_error";
            }
            return new SubmissionResult(s.id(), s.path().toString(), s.format(), status,
                    problems.isEmpty() ? null : String.join("; ", problems), points, rubric.maxPoints(), questions,
                    s.notes());
        } catch (RuntimeException e) {
            return new SubmissionResult(s.id(), s.path().toString(), s.format(), "grader_error",
                    "grader error while judging: " + stackTop(e), 0, rubric.maxPoints(), List.of(), s.notes());
        }
    }

    private static String idOf(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String stackTop(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\\R");
        return lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0];
    }

    @Override
    public void close() {
        session.close();
    }

    /** Hold one submission between reading and judging. */
    private record Prepared(Submission submission, List<Answer> answers, Map<String, Program> programs,
            Map<String, List<Note>> notes, Map<String, List<Finding>> findings, Exception failure) {

        String key(String questionId) {
            return submission.id() + "/" + questionId;
        }
    }
}

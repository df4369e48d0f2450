package dev.grader.cli;

import dev.grader.ingest.FileLines;
import dev.grader.ingest.SubmissionFinder;
import dev.grader.judge.BatchResult;
import dev.grader.judge.ManualGrades;
import dev.grader.judge.ResultCodec;
import dev.grader.judge.SubmissionResult;
import dev.grader.lang.Language;
import dev.grader.lang.Languages;
import dev.grader.pipeline.Grader;
import dev.grader.pipeline.ResultCache;
import dev.grader.report.Formats;
import dev.grader.report.GitHub;
import dev.grader.report.ReportWriter;
import dev.grader.rubric.Rubric;
import dev.grader.run.DeferredRunner;
import dev.grader.run.LocalRunner;
import dev.grader.run.RunTimings;
import dev.grader.run.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Grade a batch of submissions and write the reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade submissions: each FILE given, and each file or first-level folder inside a FOLDER "
                + "given, is one student's submission (its name without extension is its id).",
            "Writes results.json, grades.csv, junit.xml, index.html, one page per student (students/), and each "
                    + "student's GitHub Classroom and Gradescope results (classroom/, gradescope/) into the output folder."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every submission was graded and every answer ran",
            "1:some submission has errors (crash, timeout, syntax error, missing answer) or could not be read",
            "2:bad command line or invalid rubric",
            "3:no usable Python interpreter",
            "4:grader error, or the reports could not be written"})
final class GradeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Options options;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Submission files or folders of submissions.")
    private List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder for the reports. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Programs run at once. Default: the number of cores.")
    private Integer jobs;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Also report one submission where a platform reads it: 'classroom' appends result=<base64> "
                    + "to the file $GITHUB_OUTPUT names (the GitHub Classroom grading reporter reads it); "
                    + "'gradescope' writes results/results.json in the output folder (use --out /autograder).")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--manual", paramLabel = "CSV",
            description = "Instructor's grades merged in (columns id,question,points,comment): each replaces that "
                    + "question's points and is shown as graded by hand in every output.")
    private Path manual;

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "Step output file for --format classroom. Default: $GITHUB_OUTPUT, else standard output.")
    private Path githubOutput;

    @Option(names = "--github-summary", paramLabel = "FILE",
            description = "Job summary (Markdown) for --format classroom: the total, each check with its feedback, "
                    + "each finding at its line. Default: $GITHUB_STEP_SUMMARY, else none.")
    private Path githubSummary;

    @Option(names = "--gradescope-output", paramLabel = "FILE",
            description = "Where --format gradescope writes results.json. Default: results/results.json in the "
                    + "output folder.")
    private Path gradescopeOutput;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of FreeMarker templates overriding the bundled ones.")
    private Path templates;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Grade only shard I of N (I from 0): every N-th submission in id order, from the I-th. "
                    + "'merge' joins the shards' output folders into the outputs of one run.")
    private String shard;

    @Option(names = "--timings", description = "Print where the time went: probes, helper start, analysis, runs "
            + "(setup, program, teardown per run) and reports.")
    private boolean timings;

    @Option(names = "--no-cache",
            description = "Grade every submission again (and keep the new results); by default a submission whose "
                    + "bytes, rubric and grader are unchanged since the last run into the same --out reuses its "
                    + "result (kept in DIR/.cache).")
    private boolean noCache;

    /** What stopped the grading, for the platforms that must still get a result: a few words, and the message. */
    private String problem;
    private String problemMessage;
    private Rubric rubricLoaded;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        int code;
        try {
            code = grade(started);
        } catch (RuntimeException e) {
            code = fail(Main.GRADER_ERROR, "grader error", "grader error: " + e);
        }
        if (code >= Main.USAGE && problem != null) {
            platformFailure(formats, githubOutput, githubSummary, gradescopeTarget(), problem, problemMessage,
                    rubricLoaded == null ? 0 : rubricLoaded.maxPoints(), spec.commandLine().getOut(), err);
        }
        return code;
    }

    /**
     * Give the platforms a result when the command line of {@code grade} could not even be read (an unknown
     * option, a missing value): what it asked for is read from the words as given.
     */
    static void commandLineFailure(String[] args, String message, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || !args[0].equals("grade")) {
            return;
        }
        List<String> formats = new ArrayList<>();
        Map<String, Path> files = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                continue;
            }
            if (name.equals("--format")) {
                formats.addAll(List.of(value.split(",")));
            } else if (List.of("--github-output", "--github-summary", "--gradescope-output", "--out").contains(name)) {
                files.put(name, Path.of(value));
            }
        }
        Path gradescope = files.getOrDefault("--gradescope-output",
                files.getOrDefault("--out", Path.of("reports")).resolve("results").resolve("results.json"));
        platformFailure(formats, files.get("--github-output"), files.get("--github-summary"), gradescope,
                "bad command line", message, 0, out, err);
    }

    /** Print why the grading cannot go on, keep it for the platforms' results, and return the exit code. */
    private int fail(int code, String title, String message) {
        spec.commandLine().getErr().println(message);
        problem = title;
        problemMessage = message;
        return code;
    }

    private Path gradescopeTarget() {
        return gradescopeOutput != null ? gradescopeOutput : out.resolve("results").resolve("results.json");
    }

    /**
     * Give every platform asked for a result even when nothing could be graded: Classroom a test named after the
     * problem with status error and score 0 (and the job summary says why), Gradescope a results.json with the
     * reason. Classroom reads nothing when a grading step writes no result at all.
     */
    static void platformFailure(List<String> formats, Path githubOutput, Path githubSummary, Path gradescope,
            String problem, String message, double maxScore, PrintWriter out, PrintWriter err) {
        try {
            if (formats.contains("classroom")) {
                writeGithubOutput(githubOutput, GitHub.classroomError(problem, message, maxScore), out);
                Path summary = summaryTarget(githubSummary);
                if (summary != null) {
                    Files.writeString(summary, GitHub.errorSummary(problem, message), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
            if (formats.contains("gradescope")) {
                Files.createDirectories(gradescope.toAbsolutePath().getParent());
                Files.writeString(gradescope, Formats.gradescopeError(problem, message), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            err.println("grader error: could not write the " + String.join(",", formats) + " result: " + e.getMessage());
        }
    }

    /** Append {@code result=<base64>} to the step output file, or print it when there is none. */
    private static void writeGithubOutput(Path option, String json, PrintWriter stdout) throws IOException {
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        Path target = option != null ? option
                : System.getenv("GITHUB_OUTPUT") != null ? Path.of(System.getenv("GITHUB_OUTPUT")) : null;
        if (target == null) {
            stdout.println("result=" + encoded);
        } else {
            Files.writeString(target, "result=" + encoded + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static Path summaryTarget(Path option) {
        return option != null ? option
                : System.getenv("GITHUB_STEP_SUMMARY") != null ? Path.of(System.getenv("GITHUB_STEP_SUMMARY")) : null;
    }

    private int grade(long started) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String f : formats) {
            if (!List.of("classroom", "gradescope").contains(f)) {
                return fail(Main.USAGE, "bad command line", "--format must be classroom or gradescope, not '" + f + "'");
            }
        }
        // the rubric first: a result for a missing file still says out of how many points
        StringWriter said = new StringWriter();
        Rubric rubric = options.loadRubric(new PrintWriter(said, true));
        if (rubric == null) {
            return fail(Main.USAGE, "invalid rubric", said.toString().strip());
        }
        rubricLoaded = rubric;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                return fail(Main.USAGE, "missing file", p + ": no such file or folder");
            }
        }
        int[] cut = shard == null ? new int[] {0, 1} : parseShard(shard);
        if (cut == null) {
            return fail(Main.USAGE, "bad command line",
                    "--shard must be I/N with 0 <= I < N (for example 0/4), not '" + shard + "'");
        }
        if (jobs != null && jobs < 1) {
            return fail(Main.USAGE, "bad command line", "--jobs must be at least 1, not " + jobs);
        }
        if ((githubOutput != null || githubSummary != null) && !formats.contains("classroom")) {
            return fail(Main.USAGE, "bad command line", "--github-output and --github-summary go with --format classroom");
        }
        if (gradescopeOutput != null && !formats.contains("gradescope")) {
            return fail(Main.USAGE, "bad command line", "--gradescope-output goes with --format gradescope");
        }
        // a platform's result is one student's: refuse a batch before reading any of it
        if (!formats.isEmpty()) {
            if (shard != null) {
                return fail(Main.USAGE, "bad command line", "--format " + String.join(",", formats)
                        + " reports one submission; --shard grades a part of a batch");
            }
            int n = SubmissionFinder.find(paths).size();
            if (n != 1) {
                return fail(Main.USAGE, n == 0 ? "missing file" : "bad command line", "--format "
                        + String.join(",", formats) + " reports one submission; " + n + " were given");
            }
        }
        ManualGrades grades = null;
        if (manual != null) {
            List<String> problems = new ArrayList<>();
            try {
                grades = ManualGrades.read(manual, problems);
            } catch (IOException e) {
                problems.add(manual + ": cannot be read: " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                return fail(Main.USAGE, "invalid manual grades", "The manual grades are not valid:\n  "
                        + String.join("\n  ", problems));
            }
        }
        Language language = Languages.of(rubric.language());
        long t0 = System.nanoTime();
        said.getBuffer().setLength(0);
        Toolchain toolchain = language.toolchain(options.python, new PrintWriter(said, true));
        long tProbed = System.nanoTime();
        if (toolchain == null) {
            return fail(Main.ENVIRONMENT, "no " + language.runtimeName(), said.toString().strip());
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        // the sandbox is probed while the analysis helper starts
        long[] sandboxProbe = {0};
        StringWriter isolation = new StringWriter();
        CompletableFuture<LocalRunner> probing = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            LocalRunner r = options.runner(toolchain, new PrintWriter(isolation, true));
            sandboxProbe[0] = System.nanoTime() - t;
            return r;
        });
        long tGrader = System.nanoTime();
        long preparing;
        BatchResult batch;
        int total;
        long tStarted;
        long tGraded;
        String launcher;
        try (Grader grader = new Grader(rubric, toolchain, new DeferredRunner(probing), n)) {
            tStarted = System.nanoTime();
            LocalRunner runner = probing.join();
            if (!isolation.toString().isBlank()) {
                err.print(isolation);
                err.flush();
            }
            if (runner == null) {
                launcher = "";
                problem = "not sandboxed";
                problemMessage = isolation.toString().strip();
                return Main.ENVIRONMENT;
            }
            Progress bar = new Progress(err, System.console() != null && System.getenv("NO_COLOR") == null,
                    System.console() != null);
            List<Path> all = SubmissionFinder.find(paths);
            List<Path> mine = new ArrayList<>();
            for (int i = cut[0]; i < all.size(); i += cut[1]) {
                mine.add(all.get(i));
            }
            total = all.size();
            Path cacheDir = out.resolve(".cache");
            grader.withCache(new ResultCache(cacheDir, rubric, Grader.version() + " built " + Grader.build(),
                    toolchain.describe() + "; " + runner.isolation()), !noCache);
            batch = grader.gradeSubmissions(mine, bar::step);
            launcher = runner.launcher();
            runner.close();
            preparing = grader.preparing();
            tGraded = System.nanoTime();
            bar.done();
            if (shard != null) {
                stdout.println("Shard " + cut[0] + "/" + cut[1] + ": " + mine.size() + " of the batch's " + all.size()
                        + " submissions");
            }
            if (grader.reused() > 0) {
                stdout.println("Reused " + grader.reused() + " unchanged result" + (grader.reused() == 1 ? "" : "s")
                        + " from " + cacheDir + " (--no-cache grades every submission again)");
            }
        } catch (IOException e) {
            return fail(Main.GRADER_ERROR, "grader error", "grader error: " + e.getMessage());
        }
        if (grades != null) {
            List<String> problems = new ArrayList<>();
            batch = grades.apply(batch, problems);
            problems.forEach(p -> err.println("manual grade ignored: " + p));
        }
        try {
            long tWrite = System.nanoTime();
            new ReportWriter(templates).write(batch, out);
            if (timings) {
                err.printf(Locale.ROOT, "Timings: %s probe %.2f s; sandbox probe %.2f s, alongside the analysis "
                        + "helper's start %.2f s; reading, segmenting, building and analysing %.2f s, alongside the "
                        + "runs; runs and judging %.2f s (%s; %s); reports %.2f s; the grader's own CPU %.2f s (its JVM, "
                        + "not the programs)%n", language.runtimeName(),
                        (tProbed - t0) / 1e9, sandboxProbe[0] / 1e9, (tStarted - tGrader) / 1e9, preparing / 1e9,
                        (tGraded - tStarted) / 1e9, RunTimings.describe(), launcher, (System.nanoTime() - tWrite) / 1e9,
                        ownCpuNanos() / 1e9);
            }
            Files.writeString(out.resolve(BATCH), ResultCodec.write(batch, cut[0] + "/" + cut[1], total),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return fail(Main.GRADER_ERROR, "grader error", "grader error: could not write the reports to " + out + ": "
                    + e.getMessage());
        }
        int code = summary(stdout, batch, rubric.title(), out);
        if (!formats.isEmpty()) {
            SubmissionResult only = batch.submissions().get(0);
            try {
                if (formats.contains("classroom")) {
                    writeGithubOutput(githubOutput, Formats.classroom(only), stdout);
                    Path summary = summaryTarget(githubSummary);
                    if (summary != null) {
                        Files.writeString(summary, GitHub.summary(only, rubric.title()), StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    // workflow commands on standard output: GitHub shows them as annotations on the commit
                    FileLines lines = FileLines.of(Path.of(only.file()));
                    GitHub.annotations(only, lines::line).forEach(stdout::println);
                }
                if (formats.contains("gradescope")) {
                    Path target = gradescopeTarget();
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    long seconds = Math.max(1, Math.round((System.nanoTime() - started) / 1e9));
                    Files.writeString(target, Formats.gradescope(only, seconds), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                return fail(Main.GRADER_ERROR, "grader error", "grader error: could not write the "
                        + String.join(",", formats) + " result: " + e.getMessage());
            }
        }
        return code;
    }

    /** Return the CPU time of the grader's own JVM so far (its threads, not the programs it ran), or 0. */
    private static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** The grader's exchange file in every output folder: the whole result, read by {@code merge}. */
    static final String BATCH = "batch.json";

    /** Read {@code I/N}; return {I, N}, or null when it is not a shard. */
    static int[] parseShard(String text) {
        String[] parts = text.split("/", -1);
        try {
            int i = Integer.parseInt(parts[0].strip());
            int n = Integer.parseInt(parts[1].strip());
            return parts.length == 2 && n >= 1 && i >= 0 && i < n ? new int[] {i, n} : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Print what was graded and where the reports are; return the exit code the statuses call for. */
    static int summary(PrintWriter stdout, BatchResult batch, String title, Path out) {
        Map<String, Integer> byStatus = new TreeMap<>();
        for (SubmissionResult s : batch.submissions()) {
            byStatus.merge(s.status(), 1, Integer::sum);
        }
        stdout.println("Graded " + batch.submissions().size() + " submission"
                + (batch.submissions().size() == 1 ? "" : "s") + " with " + title + ": " + byStatus);
        for (SubmissionResult s : batch.submissions()) {
            stdout.printf("  %-40s %6s / %-6s %s%s%n", s.id(), fmt(s.points()), fmt(s.maxPoints()), s.status(),
                    s.reason() == null ? "" : " (" + s.reason() + ")");
        }
        stdout.println("Isolation: " + batch.isolation());
        stdout.println("Reports: " + out.resolve("index.html") + ", " + out.resolve("grades.csv") + ", "
                + out.resolve("results.json"));
        if (byStatus.containsKey("grader_error")) {
            return Main.GRADER_ERROR;
        }
        return byStatus.keySet().stream().allMatch("graded"::equals) ? Main.OK : Main.FAILURES;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

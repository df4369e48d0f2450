package dev.grader.cli;

import dev.grader.ingest.SubmissionFinder;
import dev.grader.judge.BatchResult;
import dev.grader.judge.ManualGrades;
import dev.grader.judge.ResultCodec;
import dev.grader.judge.SubmissionResult;
import dev.grader.pipeline.Grader;
import dev.grader.pipeline.ResultCache;
import dev.grader.python.Interpreter;
import dev.grader.report.Formats;
import dev.grader.report.ReportWriter;
import dev.grader.rubric.Rubric;
import dev.grader.run.DeferredRunner;
import dev.grader.run.LocalRunner;
import dev.grader.run.RunTimings;
import dev.grader.run.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println(p + ": no such file or folder");
                return Main.USAGE;
            }
        }
        int[] cut = shard == null ? new int[] {0, 1} : parseShard(shard);
        if (cut == null) {
            err.println("--shard must be I/N with 0 <= I < N (for example 0/4), not '" + shard + "'");
            return Main.USAGE;
        }
        if (jobs != null && jobs < 1) {
            err.println("--jobs must be at least 1, not " + jobs);
            return Main.USAGE;
        }
        for (String f : formats) {
            if (!List.of("classroom", "gradescope").contains(f)) {
                err.println("--format must be classroom or gradescope, not '" + f + "'");
                return Main.USAGE;
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
                err.println("The manual grades are not valid:");
                problems.forEach(p -> err.println("  " + p));
                return Main.USAGE;
            }
        }
        Rubric rubric = options.loadRubric(err);
        if (rubric == null) {
            return Main.USAGE;
        }
        boolean java = rubric.language().equals("java");
        long t0 = System.nanoTime();
        Interpreter python = java ? null : options.probePython(err);
        long tProbed = System.nanoTime();
        if (python == null && !java) {
            return Main.ENVIRONMENT;
        }
        Toolchain toolchain = options.toolchain(rubric, python, err);
        if (toolchain == null) {
            return Main.ENVIRONMENT;
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        // the sandbox is probed while the analysis helper starts
        long[] sandboxProbe = {0};
        CompletableFuture<LocalRunner> probing = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            LocalRunner r = options.runner(toolchain, err);
            sandboxProbe[0] = System.nanoTime() - t;
            return r;
        });
        long tGrader = System.nanoTime();
        long preparing;
        BatchResult batch;
        int total;
        long tStarted;
        long tGraded;
        try (Grader grader = new Grader(rubric, python, new DeferredRunner(probing), n)) {
            tStarted = System.nanoTime();
            LocalRunner runner = probing.join();
            if (runner == null) {
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
            grader.withCache(new ResultCache(cacheDir, rubric, Grader.version(),
                    toolchain.describe() + "; " + runner.isolation()), !noCache);
            batch = grader.gradeSubmissions(mine, bar::step);
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
            err.println("grader error: could not start the Python helper: " + e.getMessage());
            return Main.GRADER_ERROR;
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
                        + "runs; runs and judging %.2f s (%s); reports %.2f s; the grader's own CPU %.2f s (its JVM, "
                        + "not the programs)%n", java ? "JDK" : "Python",
                        (tProbed - t0) / 1e9, sandboxProbe[0] / 1e9, (tStarted - tGrader) / 1e9, preparing / 1e9,
                        (tGraded - tStarted) / 1e9, RunTimings.describe(), (System.nanoTime() - tWrite) / 1e9,
                        ownCpuNanos() / 1e9);
            }
            Files.writeString(out.resolve(BATCH), ResultCodec.write(batch, cut[0] + "/" + cut[1], total),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("grader error: could not write the reports to " + out + ": " + e.getMessage());
            return Main.GRADER_ERROR;
        }
        if (!formats.isEmpty()) {
            if (batch.submissions().size() != 1) {
                err.println("--format " + String.join(",", formats) + " reports one submission; " + batch.submissions().size()
                        + " were graded");
                return Main.USAGE;
            }
            SubmissionResult only = batch.submissions().get(0);
            try {
                if (formats.contains("classroom")) {
                    String encoded = Base64.getEncoder().encodeToString(
                            Formats.classroom(only).getBytes(StandardCharsets.UTF_8));
                    Path target = githubOutput != null ? githubOutput
                            : System.getenv("GITHUB_OUTPUT") != null ? Path.of(System.getenv("GITHUB_OUTPUT")) : null;
                    if (target == null) {
                        stdout.println("result=" + encoded);
                    } else {
                        Files.writeString(target, "result=" + encoded + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                if (formats.contains("gradescope")) {
                    Path dir = Files.createDirectories(out.resolve("results"));
                    Files.writeString(dir.resolve("results.json"), Formats.gradescope(only), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                err.println("grader error: could not write the " + String.join(",", formats) + " result: " + e.getMessage());
                return Main.GRADER_ERROR;
            }
        }
        return summary(stdout, batch, rubric.title(), out);
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

package dev.grader.cli;

import dev.grader.judge.BatchResult;
import dev.grader.judge.CheckResult;
import dev.grader.judge.QuestionResult;
import dev.grader.judge.SubmissionResult;
import dev.grader.lang.Languages;
import dev.grader.judge.Verdict;
import dev.grader.pipeline.Grader;
import dev.grader.report.ReportWriter;
import dev.grader.report.TextReport;
import dev.grader.rubric.Rubric;
import dev.grader.run.DeferredRunner;
import dev.grader.run.LocalRunner;
import dev.grader.run.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Check one submission the way a student does before handing it in. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Grade one submission and print each check with its verdict, points and feedback.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:some check failed or was skipped, or the file could not be read",
            "2:bad command line or invalid rubric",
            "3:no usable Python interpreter",
            "4:grader error"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Options options;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The submission: a notebook, a .py file, a text export or a folder.")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "check-report",
            description = "Folder for the HTML page of the submission (and the other reports). Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--color", negatable = true, description = "Colour the output. Default: on a terminal, unless NO_COLOR is set.")
    private Boolean color;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(file)) {
            err.println(file + ": no such file or folder");
            return Main.USAGE;
        }
        Rubric rubric = options.loadRubric(err);
        if (rubric == null) {
            return Main.USAGE;
        }
        Toolchain toolchain = Languages.of(rubric.language()).toolchain(options.python, err);
        if (toolchain == null) {
            return Main.ENVIRONMENT;
        }
        // the sandbox is probed while the analysis helper starts
        CompletableFuture<LocalRunner> probing = CompletableFuture.supplyAsync(() -> options.runner(toolchain, err));
        BatchResult batch;
        try (Grader grader = new Grader(rubric, toolchain, new DeferredRunner(probing), Runtime.getRuntime().availableProcessors())) {
            LocalRunner runner = probing.join();
            if (runner == null) {
                return Main.ENVIRONMENT;
            }
            batch = grader.gradeOne(file);
            // the warm interpreter's work is done: it ends now, not when the JVM does
            runner.close();
        } catch (IOException e) {
            err.println("grader error: " + e.getMessage());
            return Main.GRADER_ERROR;
        }
        if (batch.submissions().isEmpty()) {
            err.println(file + ": nothing to grade");
            return Main.FAILURES;
        }
        SubmissionResult s = batch.submissions().get(0);
        boolean useColor = color != null ? color : System.console() != null && System.getenv("NO_COLOR") == null;
        out.print(TextReport.render(s, useColor));
        out.println();
        out.print(TextReport.table(s, useColor));
        out.println("Isolation: " + batch.isolation());
        try {
            new ReportWriter(null).write(batch, this.out);
            out.println("Page: " + this.out.resolve("students").resolve(ReportWriter.pageNames(batch).get(0)));
        } catch (IOException | RuntimeException e) {
            err.println("grader error: could not write the page to " + this.out + ": " + e.getMessage());
        }
        out.flush();
        if (s.status().equals("grader_error")) {
            return Main.GRADER_ERROR;
        }
        boolean allPass = !s.questions().isEmpty();
        for (QuestionResult q : s.questions()) {
            for (CheckResult c : q.checks()) {
                allPass &= c.verdict() == Verdict.PASS;
            }
        }
        return allPass ? Main.OK : Main.FAILURES;
    }
}

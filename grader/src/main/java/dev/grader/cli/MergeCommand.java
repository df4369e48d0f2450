package dev.grader.cli;

import dev.grader.judge.BatchResult;
import dev.grader.judge.ResultCodec;
import dev.grader.judge.SubmissionResult;
import dev.grader.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Join the output folders of {@code grade --shard I/N} runs into the outputs one run of the batch gives. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the output folders of 'grade --shard I/N' (every shard 0..N-1, each once) into one "
                + "set of reports: the same results.json, grades.csv, junit.xml and pages one run of the whole "
                + "batch writes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every submission was graded and every answer ran",
            "1:some submission has errors or could not be read",
            "2:bad command line, or the folders are not the shards of one batch (each problem is printed)",
            "4:the reports could not be written"})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "Output folders of the shards.")
    private List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder for the merged reports. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of FreeMarker templates overriding the bundled ones.")
    private Path templates;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<ResultCodec.Shard> shards = new ArrayList<>();
        List<Path> from = new ArrayList<>();
        for (Path d : dirs) {
            Path f = d.resolve(GradeCommand.BATCH);
            try {
                shards.add(ResultCodec.readBatch(Files.readString(f, StandardCharsets.UTF_8)));
                from.add(d);
            } catch (IOException e) {
                problems.add(f + ": cannot be read (is " + d + " the --out folder of a grade run?)");
            } catch (IllegalArgumentException e) {
                problems.add(f + ": " + e.getMessage());
            }
        }
        BatchResult merged = problems.isEmpty() ? merge(shards, from, problems) : null;
        if (merged == null) {
            err.println("The folders are not the shards of one batch:");
            problems.forEach(p -> err.println("  " + p));
            return Main.USAGE;
        }
        try {
            new ReportWriter(templates).write(merged, out);
            Files.writeString(out.resolve(GradeCommand.BATCH), ResultCodec.write(merged, "0/1",
                    merged.submissions().size()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("grader error: could not write the reports to " + out + ": " + e.getMessage());
            return Main.GRADER_ERROR;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Merged " + shards.size() + " shard" + (shards.size() == 1 ? "" : "s") + " into " + out);
        return GradeCommand.summary(stdout, merged, merged.rubricTitle(), out);
    }

    /** Join the shards, or add to the problems why they are not the shards of one batch and return null. */
    static BatchResult merge(List<ResultCodec.Shard> shards, List<Path> from, List<String> problems) {
        ResultCodec.Shard first = shards.get(0);
        TreeMap<Integer, Path> seen = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        List<SubmissionResult> all = new ArrayList<>();
        Instant last = first.batch().gradedAt();
        for (int k = 0; k < shards.size(); k++) {
            ResultCodec.Shard s = shards.get(k);
            BatchResult b = s.batch();
            String where = from.get(k).toString();
            if (s.shards() != first.shards() || s.total() != first.total()) {
                problems.add(where + ": shard " + s.shard() + "/" + s.shards() + " of " + s.total()
                        + " submissions, but " + from.get(0) + " is " + first.shard() + "/" + first.shards() + " of "
                        + first.total());
            }
            if (!b.assignment().equals(first.batch().assignment()) || !b.rubricVersion().equals(
                    first.batch().rubricVersion()) || !b.graderVersion().equals(first.batch().graderVersion())) {
                problems.add(where + ": graded with " + b.assignment() + " rubric " + b.rubricVersion() + " by grader "
                        + b.graderVersion() + ", unlike " + from.get(0));
            }
            Path twice = seen.put(s.shard(), from.get(k));
            if (twice != null) {
                problems.add(where + ": shard " + s.shard() + "/" + s.shards() + " is also " + twice);
            }
            for (SubmissionResult r : b.submissions()) {
                if (!ids.add(r.id())) {
                    problems.add(where + ": submission " + r.id() + " is in another shard too");
                }
                all.add(r);
            }
            last = b.gradedAt().isAfter(last) ? b.gradedAt() : last;
        }
        for (int i = 0; i < first.shards(); i++) {
            if (!seen.containsKey(i)) {
                problems.add("shard " + i + "/" + first.shards() + " is missing");
            }
        }
        if (problems.isEmpty() && all.size() != first.total()) {
            problems.add("the shards hold " + all.size() + " submissions, the batch has " + first.total());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        all.sort(Comparator.comparing(SubmissionResult::id));
        BatchResult b = first.batch();
        return new BatchResult(b.assignment(), b.rubricTitle(), b.rubricVersion(), b.rubricSource(), b.graderVersion(),
                b.isolation(), b.python(), last, all);
    }
}

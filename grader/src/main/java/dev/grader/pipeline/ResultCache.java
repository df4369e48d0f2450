package dev.grader.pipeline;

import dev.grader.judge.QuestionResult;
import dev.grader.judge.ResultCodec;
import dev.grader.judge.SubmissionResult;
import dev.grader.rubric.Check;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keep each submission's result beside the reports, keyed by everything that decides it: the submission's
 * bytes, the rubric (limits and instructor tests included), the grader's version and what runs the programs.
 * Grading again reuses the result of every submission whose key is unchanged.
 *
 * <p>Results that depend on the machine rather than the submission (a grader error, a missing module) are
 * not kept.
 */
public final class ResultCache {

    private final Path dir;
    private final String context;

    /**
     * Make a cache.
     *
     * @param dir the folder holding the entries (made when the first one is stored)
     * @param rubric the rubric results are graded with
     * @param graderVersion the grader's version
     * @param runs what runs the programs: the interpreter or JVM and the isolation layer
     */
    public ResultCache(Path dir, Rubric rubric, String graderVersion, String runs) {
        this.dir = dir;
        this.context = graderVersion + "\n" + runs + "\n" + fingerprint(rubric);
    }

    /** Return the key of a submission: a SHA-256 of its bytes (every file of a folder) and the context. */
    public String key(Path submission) {
        MessageDigest md = sha256();
        md.update(context.getBytes(StandardCharsets.UTF_8));
        // the name is the student's id: two students handing in the same bytes keep their own results
        md.update(("\0" + submission.getFileName()).getBytes(StandardCharsets.UTF_8));
        try {
            if (Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(submission)) {
                    files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
                }
                for (Path f : files) {
                    md.update(("\0" + submission.relativize(f) + "\0").getBytes(StandardCharsets.UTF_8));
                    digest(md, f);
                }
            } else if (Files.isRegularFile(submission)) {
                digest(md, submission);
            } else {
                md.update("\0missing".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // unreadable now: a key no earlier run can have, so it is graded (and says why)
            md.update(("\0unreadable " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Return the kept result of a key, if any (an entry that cannot be read is as good as none). */
    public Optional<SubmissionResult> get(String key) {
        Path f = dir.resolve(key + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultCodec.readSubmission(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Keep a result, unless it depends on the machine rather than the submission. */
    public void put(String key, SubmissionResult result) {
        if (!cacheable(result)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, ResultCodec.write(result), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a result not kept is graded again next time; never fatal
        }
    }

    static boolean cacheable(SubmissionResult r) {
        if (r.status().equals("grader_error")) {
            return false;
        }
        for (QuestionResult q : r.questions()) {
            if (q.status().equals("grader_error") || q.status().equals("environment")) {
                return false;
            }
        }
        return true;
    }

    private static void digest(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[65536];
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
    }

    /** Describe a rubric in a stable text: every field that changes a grade, maps in key order. */
    static String fingerprint(Rubric r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.assignment()).append('\n').append(r.title()).append('\n').append(r.language()).append('\n')
                .append(r.version()).append('\n').append(r.limits()).append('\n').append(r.startMethod()).append('\n')
                .append(r.spawnCheck()).append('\n').append(r.stdin()).append('\n').append(r.markdownCode()).append('\n');
        for (Question q : r.questions()) {
            sb.append("Q ").append(q.id()).append('\n').append(q.number()).append('\n').append(q.title()).append('\n')
                    .append(q.text()).append('\n').append(q.kind()).append('\n').append(q.patterns()).append('\n')
                    .append(q.detect()).append('\n').append(q.stdin()).append('\n')
                    .append(new TreeMap<>(q.tests())).append('\n');
            for (Check c : q.checks()) {
                sb.append("C ").append(c.id()).append('\n').append(c.type()).append('\n').append(c.points()).append('\n')
                        .append(new TreeMap<String, Object>(c.params())).append('\n').append(c.passFeedback())
                        .append('\n').append(c.failFeedback()).append('\n');
            }
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Return the entries of the cache, for tests: key to result file. */
    Map<String, Path> entries() throws IOException {
        Map<String, Path> out = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".json")).forEach(p -> out.put(p.getFileName().toString()
                        .replace(".json", ""), p));
            }
        }
        return out;
    }
}

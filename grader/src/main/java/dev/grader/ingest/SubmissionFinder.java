package dev.grader.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Find the submissions under the paths given on the command line.
 *
 * <p>A file given is one submission; a folder given contributes each of its first-level files and
 * folders as one submission. Hidden entries, {@code __pycache__} and sub-folders holding a {@code .batch} file (a batch
 * of their own) are skipped. A path that does not
 * exist is still returned, so that it gets a row saying so.
 */
public final class SubmissionFinder {

    /** A file that makes a sub-folder a batch of its own, which a batch of the folder above skips. */
    public static final String BATCH = ".batch";

    private SubmissionFinder() {}

    /** Return the submissions' paths, sorted by submission id, then by path. */
    public static List<Path> find(List<Path> inputs) {
        List<Path> found = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> !skipped(p) && !Files.isRegularFile(p.resolve(BATCH))).forEach(found::add);
                } catch (IOException e) {
                    found.add(in);
                }
            } else {
                found.add(in);
            }
        }
        found.sort(Comparator.comparing(SubmissionFinder::idOf).thenComparing(Path::toString));
        return found;
    }

    /** Return the submission id of a path: its name without the extension. */
    public static String idOf(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean skipped(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.equals("__pycache__") || name.endsWith("~");
    }
}

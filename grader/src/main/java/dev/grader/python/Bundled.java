package dev.grader.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Extract the Python files shipped in the grader's jar to a private directory, once per JVM.
 *
 * <p>Child interpreters need real files on disk; the directory is read-only for them and removed when the
 * JVM exits.
 */
public final class Bundled {

    private static final Map<String, Path> EXTRACTED = new HashMap<>();

    private Bundled() {}

    /**
     * Return a directory holding the given resources of one bundle, extracting them on first use.
     *
     * @param bundle resource folder under {@code /dev/grader/python/}, or {@code ""} for the folder itself
     * @param names file names in that folder
     * @return the directory on disk
     */
    public static synchronized Path directory(String bundle, List<String> names) {
        String key = bundle + ":" + String.join(",", names);
        Path dir = EXTRACTED.get(key);
        if (dir != null && Files.isDirectory(dir)) {
            return dir;
        }
        try {
            dir = Files.createTempDirectory("grader-py-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (String name : names) {
                String res = "/dev/grader/python/" + (bundle.isEmpty() ? "" : bundle + "/") + name;
                try (InputStream in = Bundled.class.getResourceAsStream(res)) {
                    if (in == null) {
                        throw new IOException("missing resource " + res);
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // readable by every run's uid, writable by none: a program cannot alter the tracer
            for (String name : names) {
                Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("r--r--r--"));
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path extracted = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(extracted), "grader-bundled"));
            EXTRACTED.put(key, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the grader's Python files: " + e.getMessage(), e);
        }
    }

    /** Remove an extracted folder at exit (with any bytecode compiled into it): it was made read-only first. */
    private static void remove(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left in the temporary folder; never fatal
        }
    }
}

package dev.grader.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Make, hand over and remove a run's private directory: {@code work/} for the program, {@code out/} for the
 * tracer.
 *
 * <p>After a run the directory is hostile (a program can plant links and strip permissions): it is only
 * read without following links, and removed without following them.
 */
final class RunDirs {

    private RunDirs() {
    }

    /**
     * Make a fresh run directory.
     *
     * @param parent where to make it, or {@code null} for the system's temporary directory
     * @param traversable whether other users may pass through it (a run's own uid must reach work/ and out/)
     */
    static Path create(Path parent, boolean traversable) throws IOException {
        var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Path dir = parent == null ? Files.createTempDirectory("grader-run-", perms)
                : Files.createTempDirectory(Files.createDirectories(parent), "run-", perms);
        if (traversable) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        }
        Files.createDirectories(dir.resolve("work").resolve("tmp"));
        Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(dir.resolve("root"));
        return dir;
    }

    /** Give work/ and out/ to the run's uid, before anything of the run has started. */
    static void handOver(Path dir, int uid) throws IOException {
        if (uid < 0) {
            return;
        }
        for (Path p : new Path[] {dir.resolve("work"), dir.resolve("work").resolve("tmp"), dir.resolve("out")}) {
            Files.setAttribute(p, "unix:uid", uid);
            Files.setAttribute(p, "unix:gid", uid);
        }
    }

    /** Return the bytes of all regular files under a folder, links not followed. */
    static long size(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    /** Remove a run directory and everything in it, following no link. */
    static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    // a program may have removed its own permissions; give them back to delete
                    d.toFile().setWritable(true, true);
                    d.toFile().setExecutable(true, true);
                    d.toFile().setReadable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    try {
                        Files.deleteIfExists(d);
                    } catch (IOException ignored) {
                        // left behind in the temporary directory; never fatal
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left behind in the temporary directory; never fatal
        }
    }
}

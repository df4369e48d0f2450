package dev.grader.run;

import dev.grader.python.Bundled;
import dev.grader.python.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run each program as a plain child interpreter: cleared environment, private working directory, time
 * and output limits, and the whole process tree killed at the end.
 *
 * <p>Every process of a run carries a random token in its environment; after the run, every process
 * that still carries it is killed, so a grandchild that left the tree with {@code setsid()} and a
 * double fork dies too. This runner is not a sandbox: the program can read what this user can read.
 */
public final class LocalRunner implements Runner {

    /** Bytes of the trace file read at most; more is cut and said so. */
    static final int MAX_TRACE_BYTES = 16 << 20;
    private static final List<String> TRACER_FILES = List.of("sitecustomize.py", "_grader_tracer.py");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Interpreter python;
    private final Path root;

    /**
     * Make a runner.
     *
     * @param python the interpreter every program runs with
     * @param root where private run directories are made; {@code null} for the system's temporary directory
     */
    public LocalRunner(Interpreter python, Path root) {
        this.python = python;
        this.root = root;
    }

    /** Make a runner that keeps its run directories in the system's temporary directory. */
    public LocalRunner(Interpreter python) {
        this(python, null);
    }

    @Override
    public String isolation() {
        return "plain child process (no sandbox): cleared environment, private working directory, "
                + "time and output limits, process tree killed by run token";
    }

    @Override
    public RunResult run(RunSpec spec) {
        Path dir = null;
        try {
            dir = root == null
                    ? Files.createTempDirectory("grader-run-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(Files.createDirectories(root), "run-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return runIn(dir, spec);
        } catch (IOException | RuntimeException e) {
            return new RunResult(spec.key(), -1, false, false, "", "", 0, Trace.empty(),
                    "grader error: " + e.getMessage());
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private RunResult runIn(Path dir, RunSpec spec) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("tmp"));
        Path main = work.resolve("main.py");
        Files.writeString(main, spec.source(), StandardCharsets.UTF_8);
        Path trace = dir.resolve("trace.jsonl");
        String token = HexFormat.of().formatHex(randomBytes());
        Path tracer = Bundled.directory("tracer", TRACER_FILES);

        ProcessBuilder pb = new ProcessBuilder(python.executable().toString(), "main.py");
        pb.directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", work.toString());
        env.put("TMPDIR", work.resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("PYTHONPATH", tracer.toString());
        env.put("GRADER_TRACE", trace.toString());
        env.put("GRADER_MAIN", main.toString());
        env.put("GRADER_RUN", token);

        long started = System.nanoTime();
        Process process = pb.start();
        long rootPid = process.pid();
        AtomicBoolean overflow = new AtomicBoolean();
        Drain out = new Drain(process.getInputStream(), spec.maxOutputBytes(), overflow);
        Drain err = new Drain(process.getErrorStream(), spec.maxOutputBytes(), overflow);
        Thread feeder = daemon("grader-stdin", () -> feed(process.getOutputStream(), spec.stdin()));
        out.thread.start();
        err.thread.start();
        feeder.start();

        long deadline = started + spec.timeout().toNanos();
        boolean timedOut = false;
        try {
            while (true) {
                if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (overflow.get()) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    timedOut = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean exited = !process.isAlive();
        killTree(process, token);
        long wall = (System.nanoTime() - started) / 1_000_000;
        out.join();
        err.join();
        int exit;
        try {
            exit = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        if (!exited && exit > 128) {
            exit = -(exit - 128);
        }
        boolean limit = overflow.get();
        Trace t = TraceParser.parse(readTrace(trace), rootPid);
        return new RunResult(spec.key(), exit, timedOut && !limit, limit, out.text(), err.text(), wall, t, null);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void feed(OutputStream stdin, String text) {
        try (OutputStream o = stdin) {
            if (text != null && !text.isEmpty()) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program closed stdin or exited without reading it: nothing to feed
        }
    }

    /**
     * Kill the process, its descendants, and every process that carries the run's token, until none is left.
     */
    static void killTree(Process process, String token) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        String marker = "GRADER_RUN=" + token;
        for (int round = 0; round < 100; round++) {
            List<Long> found = carriers(marker);
            if (found.isEmpty()) {
                return;
            }
            for (long pid : found) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            try {
                Thread.sleep(round < 10 ? 5 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Return the pids of live processes whose environment holds the marker (zombies have none). */
    static List<Long> carriers(String marker) {
        List<Long> found = new ArrayList<>();
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : entries) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    if (contains(env, needle)) {
                        found.add(pid);
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or another user's process: not ours
                }
            }
        } catch (IOException e) {
            // no /proc: only the descendants were killed
        }
        return found;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String readTrace(Path trace) {
        try (InputStream in = Files.newInputStream(trace, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] data = in.readNBytes(MAX_TRACE_BYTES);
            return decode(data);
        } catch (IOException e) {
            return "";
        }
    }

    static String decode(byte[] data) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(data));
            return cb.toString().replace("\u0000", "");
        } catch (IOException e) {
            return new String(data, StandardCharsets.UTF_8).replace("\u0000", "");
        }
    }

    private static void deleteTree(Path dir) {
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

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Read one stream to its end on a daemon thread, keeping the first bytes up to a cap. */
    private static final class Drain {
        final Thread thread;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream in, long cap, AtomicBoolean overflow) {
            this.thread = daemon("grader-drain", () -> {
                byte[] buf = new byte[8192];
                try (InputStream s = in) {
                    int n;
                    while ((n = s.read(buf)) >= 0) {
                        synchronized (kept) {
                            long room = cap - kept.size();
                            if (room > 0) {
                                kept.write(buf, 0, (int) Math.min(room, n));
                            }
                            if (n > room) {
                                overflow.set(true);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the stream closed under us when the tree was killed
                }
            });
        }

        void join() {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            synchronized (kept) {
                return decode(kept.toByteArray());
            }
        }
    }
}

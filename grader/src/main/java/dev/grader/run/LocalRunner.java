package dev.grader.run;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run each program in a child interpreter inside the best isolation layer the machine offers (see
 * {@link Sandbox}), with a private directory, a cleared environment and the run's limits, and kill
 * everything the run left behind when it ends.
 *
 * <p>Every process of a run carries a random token in its environment, and (as root) a uid of its own:
 * after the run, every process that still carries either is killed, so a grandchild that left the tree with
 * {@code setsid()} and a double fork dies too.
 */
public final class LocalRunner implements Runner, AutoCloseable {

    /** Bytes of the trace file read at most; more is cut and said so. */
    static final int MAX_TRACE_BYTES = 16 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Toolchain python;
    private final Path root;
    private final Path tracer;
    private final Sandbox sandbox;
    /** The warm interpreter runs are forked from, once it has come up and passed its probe; null when none. */
    private final CompletableFuture<Zygote> zygote;
    private volatile String zygoteState;
    private volatile boolean broken;
    private final AtomicLong forked = new AtomicLong();

    /**
     * Make a runner.
     *
     * @param python the interpreter every program runs with
     * @param root where private run directories are made; {@code null} for the system's temporary directory
     * @param best the best isolation layer to use; the runner probes down from it
     */
    public LocalRunner(Interpreter python, Path root, Sandbox.Layer best) {
        this(new PythonToolchain(python), root, best);
    }

    /**
     * Make a runner of any toolchain.
     *
     * @param toolchain what runs execute
     * @param root where private run directories are made; {@code null} for the system's temporary directory
     * @param best the best isolation layer to use; the runner probes down from it
     */
    public LocalRunner(Toolchain toolchain, Path root, Sandbox.Layer best) {
        this(toolchain, root, best, !"0".equals(System.getenv("GRADER_ZYGOTE")));
    }

    /**
     * Make a runner of any toolchain, forking runs from a warm interpreter or not.
     *
     * @param toolchain what runs execute
     * @param root where private run directories are made; {@code null} for the system's temporary directory
     * @param best the best isolation layer to use; the runner probes down from it
     * @param forking whether runs may be forked from a warm interpreter (where the toolchain and the layer allow)
     */
    public LocalRunner(Toolchain toolchain, Path root, Sandbox.Layer best, boolean forking) {
        this.python = toolchain;
        this.root = root;
        this.tracer = toolchain.support();
        // the warm interpreter comes up while the layers are probed (only root can enter a run's namespaces from
        // a forked child), and is closed again if the layer found cannot be entered so
        boolean wanted = forking && !toolchain.zygote().isEmpty() && Sandbox.isRoot();
        CompletableFuture<Zygote> starting = wanted ? CompletableFuture.supplyAsync(this::startZygote)
                : CompletableFuture.completedFuture(null);
        this.sandbox = Sandbox.probe(toolchain, best);
        if (!forking) {
            zygoteState = "off (asked for)";
        } else if (toolchain.zygote().isEmpty()) {
            zygoteState = "off (" + toolchain.describe() + " starts one process per run)";
        } else if (!sandbox.forks()) {
            zygoteState = "off (the " + sandbox.layer().label() + " layer" + (Sandbox.isRoot() ? "" : " without root")
                    + " cannot be entered from a forked child: each run starts its own interpreter)";
        }
        if (wanted && sandbox.forks()) {
            zygote = starting;
        } else {
            starting.thenAccept(z -> {
                if (z != null) {
                    z.close();
                }
            });
            zygote = CompletableFuture.completedFuture(null);
        }
    }

    /** Make a runner in the best layer available, with run directories in the system's temporary directory. */
    public LocalRunner(Interpreter python) {
        this(python, null, Sandbox.Layer.BUBBLEWRAP);
    }

    private Zygote startZygote() {
        Zygote z = Zygote.start(python.zygote(), Map.of("PYTHONPATH", tracer.toString(), "PYTHONDONTWRITEBYTECODE", "1",
                "PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8"));
        if (z == null) {
            zygoteState = "off (the warm interpreter did not start: each run starts its own interpreter)";
            return null;
        }
        zygoteState = "on: a warm interpreter forks each run, which builds its namespaces, root, uid and limits "
                + "before the program starts";
        return z;
    }

    /** Return the zygote runs are forked from, waiting for it to come up; null when runs start their own. */
    private Zygote zygote() {
        Zygote z = zygote.join();
        return z != null && !broken && z.alive() ? z : null;
    }

    /** End the warm interpreter, if there is one: runs after this start their own. */
    @Override
    public void close() {
        broken = true;
        Zygote z = zygote.getNow(null);
        if (z != null) {
            z.close();
        }
    }

    /** Return how many runs were forked from the warm interpreter. */
    public long forked() {
        return forked.get();
    }

    /** Say whether runs are forked from a warm interpreter, and why not when they are not: for --timings. */
    public String launcher() {
        zygote.join();
        return "zygote " + zygoteState;
    }

    /** Return the isolation runs get. */
    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public String isolation() {
        return forked.get() > 0 || zygote() != null ? sandbox.describeForked() : sandbox.describe();
    }

    @Override
    public RunResult run(RunSpec spec) {
        boolean[] again = {false};
        RunResult r = runOnce(spec, again);
        return again[0] ? runOnce(spec, again) : r;
    }

    private RunResult runOnce(RunSpec spec, boolean[] again) {
        boolean retry = false;
        if (!Files.isExecutable(python.executable())) {
            return new RunResult(spec.key(), -1, false, false, "", "", 0, Trace.empty(),
                    "environment: " + python.describe() + " is missing or not executable");
        }
        Path dir = null;
        int uid = -1;
        Cgroup cgroup = null;
        long begun = System.nanoTime();
        long[] marks = {0, 0};
        try {
            boolean asRoot = Sandbox.isRoot();
            dir = RunDirs.create(root, asRoot);
            uid = sandbox.takeUid();
            RunDirs.handOver(dir, uid);
            if (sandbox.cgroups()) {
                cgroup = Cgroup.create("run-" + dir.getFileName(), spec.limits().memoryBytes(),
                        spec.limits().processes());
            }
            RunResult r = runIn(dir, spec, uid, cgroup, marks);
            if (r.exitCode() == 125 || r.exitCode() == 126) {
                Zygote z = zygote.getNow(null);
                if (z != null && !Files.exists(dir.resolve("started"), LinkOption.NOFOLLOW_LINKS)) {
                    // the forked child could not build the sandbox (the program never started): every run after
                    // this one, and this one again, starts its own interpreter
                    String why = r.stderr().strip();
                    zygoteState = "off (a run forked from the warm interpreter could not build its sandbox: "
                            + (why.length() > 200 ? why.substring(0, 200) + "..." : why) + ")";
                    broken = true;
                    z.close();
                    retry = true;
                }
            }
            return r;
        } catch (IOException | RuntimeException e) {
            return new RunResult(spec.key(), -1, false, false, "", "", 0, Trace.empty(),
                    "grader error: " + e.getMessage());
        } finally {
            // the groups hold every process of the run; a scan for the uid only when they could not vouch for that
            if (cgroup == null || !cgroup.killAll()) {
                Reaper.killUid(uid);
            }
            if (cgroup != null) {
                cgroup.remove();
            }
            sandbox.returnUid(uid);
            if (dir != null) {
                RunDirs.delete(dir);
            }
            if (marks[1] > 0) {
                RunTimings.add(marks[0] - begun, marks[1] - marks[0], System.nanoTime() - marks[1]);
            }
            again[0] = retry;
        }
    }

    /** Run in a prepared folder; {@code marks} gets the times the program started and was seen to end. */
    private RunResult runIn(Path dir, RunSpec spec, int uid, Cgroup cgroup, long[] marks) throws IOException {
        Path work = dir.resolve("work");
        if (spec.files().isEmpty() || !spec.source().isEmpty()) {
            Path main = work.resolve("main.py");
            Files.writeString(main, spec.source(), StandardCharsets.UTF_8);
            if (uid >= 0) {
                Files.setAttribute(main, "unix:uid", uid);
            }
        }
        for (Map.Entry<String, byte[]> f : spec.files().entrySet()) {
            Path p = work.resolve(f.getKey()).normalize();
            if (!p.startsWith(work)) {
                continue;
            }
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        String token = HexFormat.of().formatHex(randomBytes());
        String key = HexFormat.of().formatHex(randomBytes());
        List<String> seen = sandbox.paths(dir, tracer);
        Limits limits = spec.limits();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", seen.get(0));
        env.put("TMPDIR", seen.get(0).equals(Sandbox.WORK) ? "/tmp" : seen.get(0) + "/tmp");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.putAll(python.environment(spec, seen));
        env.put("GRADER_TRACE", seen.get(1) + "/trace.jsonl");
        env.put("GRADER_RUN", token);
        if (python.keyInEnvironment()) {
            env.put("GRADER_TRACE_KEY", key);
        } else {
            Path keyFile = dir.resolve("out").resolve(".key");
            Files.writeString(keyFile, key, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            if (uid >= 0) {
                Files.setAttribute(keyFile, "unix:uid", uid);
            }
            env.put("GRADER_TRACE_KEY_FILE", seen.get(1) + "/.key");
        }
        List<String> args = python.arguments(spec, seen);
        Zygote z = zygote();
        Started program;
        long started;
        if (z != null) {
            Path stdin = dir.resolve("stdin");
            Files.writeString(stdin, spec.stdin() == null ? "" : spec.stdin(), StandardCharsets.UTF_8);
            Files.createFile(dir.resolve("stdout"));
            Files.createFile(dir.resolve("stderr"));
            // the forked run makes its own key, after the fork, and leaves it where only root reads it
            env.remove("GRADER_TRACE_KEY");
            Map<String, Object> request = sandbox.forkRequest(dir, tracer, uid, limits, cgroup, args, env);
            started = System.nanoTime();
            program = new Forked(z.launch(request), dir, limits.outputBytes());
            forked.incrementAndGet();
        } else {
            ProcessBuilder pb = new ProcessBuilder(sandbox.command(dir, tracer, uid, limits, cgroup, args));
            pb.directory(work.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("GRADER_CGROUPS", cgroup == null ? "" : String.join(" ", cgroup.procsFiles()));
            started = System.nanoTime();
            program = new Executed(pb.start(), spec.stdin(), limits.outputBytes(), token, uid < 0);
        }
        marks[0] = started;

        long deadline = started + limits.wallTime().toNanos();
        boolean timedOut = false;
        boolean diskFull = false;
        long nextDiskCheck = started;
        try {
            while (true) {
                if (program.waitFor(20)) {
                    break;
                }
                if (program.overflow()) {
                    break;
                }
                long now = System.nanoTime();
                if (now >= nextDiskCheck) {
                    nextDiskCheck = now + 100_000_000L;
                    if (RunDirs.size(work) + RunDirs.size(dir.resolve("out")) > limits.fileSizeBytes() * 4) {
                        diskFull = true;
                        break;
                    }
                }
                if (now >= deadline) {
                    timedOut = true;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        marks[1] = System.nanoTime();
        boolean exited = program.ended();
        // a forked run's processes carry no token in their environment: its control groups name them
        List<Long> members = timedOut && cgroup != null ? cgroup.members() : null;
        List<Long> alive = !timedOut ? List.of() : members != null ? members.stream().distinct().toList()
                : Reaper.carriers(token);
        // without a pids group, a run that filled its process allowance is still seen here, at the time limit
        boolean crowded = alive.size() >= limits.processes();
        List<StackDump> stacks = timedOut && !crowded && python.signalStacks()
                ? StackDump.collect(alive, dir.resolve("out"), seen.get(0) + "/main.py") : List.of();
        // Each scan of every process costs milliseconds per run: the run's control groups hold all its processes,
        // a uid of its own finds them otherwise, and only a run that shares the grader's uid needs its token.
        program.kill();
        if (cgroup != null) {
            cgroup.killAll();
        } else {
            Reaper.killUid(uid);
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        program.finish();
        int exit = program.exitCode();
        if (!exited && exit > 128) {
            exit = -(exit - 128);
        }
        String stderr = program.stderr();
        String stdout = program.stdout();
        String traceKey = program instanceof Forked f ? f.key() : key;
        Trace t = TraceParser.parse(readTrace(dir.resolve("out").resolve("trace.jsonl")), -1, traceKey);
        if (timedOut && !crowded && !python.signalStacks()) {
            stacks = t.stacks();
        }
        boolean overflow = program.overflow();
        String limit = null;
        if (overflow) {
            limit = "output limit " + Limits.size(limits.outputBytes()) + " exceeded";
        } else if (diskFull) {
            limit = "disk limit " + Limits.size(limits.fileSizeBytes() * 4) + " exceeded (files written by the run)";
        } else {
            limit = limitHit(limits, cgroup, exit, stderr, t);
            if (limit == null && crowded) {
                limit = processLimit(limits);
            }
        }
        if (exit == 125 || exit == 126) {
            return new RunResult(spec.key(), exit, false, false, stdout, stderr, wall, t,
                    "grader error: the sandbox could not be set up (exit code " + exit + ")");
        }
        return new RunResult(spec.key(), exit, timedOut && limit == null, overflow, stdout, stderr, wall, t, null,
                limit, stacks);
    }

    /** Name the process limit: it counts threads too (a pool's parent runs three). */
    static String processLimit(Limits limits) {
        return "more than " + limits.processes() + " processes and threads";
    }

    /** Name the limit a run hit, from its control groups, its exit and what it printed; null when none. */
    static String limitHit(Limits limits, Cgroup cgroup, int exit, String stderr, Trace trace) {
        // a fork bomb fills both: the processes are the cause
        if (cgroup != null && cgroup.processLimitHit()) {
            return processLimit(limits);
        }
        if (cgroup != null && cgroup.memoryLimitHit()) {
            return "memory limit " + Limits.size(limits.memoryBytes()) + " exceeded";
        }
        if (stderr.contains("OutOfMemoryError: unable to create native thread")
                || stderr.contains("OutOfMemoryError: unable to create new native thread")) {
            return processLimit(limits);
        }
        if (stderr.contains("java.lang.OutOfMemoryError")) {
            return "memory limit " + Limits.size(limits.memoryBytes()) + " exceeded (the Java heap is half of it)";
        }
        if (stderr.contains("MemoryError")) {
            return cgroup != null ? "memory limit " + Limits.size(limits.memoryBytes()) + " exceeded"
                    : "memory limit " + Limits.size(Math.max(limits.memoryBytes(), 1L << 30))
                            + " (address space of one process) exceeded";
        }
        if (cgroup != null && cgroup.processLimitHit() || stderr.contains("Resource temporarily unavailable")
                || stderr.contains("can't start new thread")) {
            return processLimit(limits);
        }
        boolean cpu = exit == -24 || exit == 152;
        for (Trace.ProcessRecord p : trace.processes()) {
            cpu |= p.exitCode() != null && p.exitCode() == -24;
        }
        if (cpu) {
            return "CPU time limit " + Limits.seconds(limits.cpuTime()) + " per process exceeded";
        }
        if (stderr.contains("File too large")) {
            return "file size limit " + Limits.size(limits.fileSizeBytes()) + " exceeded";
        }
        return null;
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

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Follow one started program to its end: a process of the exec chain, or a run forked by the zygote. */
    private interface Started {
        /** Wait for the program's end; true when it ended within the time. */
        boolean waitFor(long millis) throws InterruptedException;

        /** Return whether it has ended. */
        boolean ended();

        /** Return whether it printed more than the output cap. */
        boolean overflow();

        /** Kill what started the run, and with it the run's namespace where it has one. */
        void kill();

        /** Wait for what it printed to be read. */
        void finish();

        /** Return its exit code: 128 + the signal that ended it, or -1 when unknown. */
        int exitCode();

        String stdout();

        String stderr();
    }

    /** Follow a process of the exec chain, its output read through pipes. */
    private static final class Executed implements Started {
        private final Process process;
        private final AtomicBoolean overflow = new AtomicBoolean();
        private final Drain out;
        private final Drain err;
        private final String token;
        private final boolean scan;

        Executed(Process process, String stdin, long cap, String token, boolean scan) {
            this.process = process;
            this.token = token;
            this.scan = scan;
            this.out = new Drain(process.getInputStream(), cap, overflow);
            this.err = new Drain(process.getErrorStream(), cap, overflow);
            out.thread.start();
            err.thread.start();
            daemon("grader-stdin", () -> feed(process.getOutputStream(), stdin)).start();
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean ended() {
            return !process.isAlive();
        }

        @Override
        public boolean overflow() {
            return overflow.get();
        }

        @Override
        public void kill() {
            Reaper.killTree(process, token, scan);
        }

        @Override
        public void finish() {
            out.join();
            err.join();
        }

        @Override
        public int exitCode() {
            try {
                return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public String stdout() {
            return out.text();
        }

        @Override
        public String stderr() {
            return err.text();
        }
    }

    /** Follow a run forked by the zygote, its output written to files of the run's folder the program cannot name. */
    private static final class Forked implements Started {
        private final Zygote.Launch launch;
        private final Path stdout;
        private final Path stderr;
        private final long cap;
        private final Path key;
        private boolean overflow;

        Forked(Zygote.Launch launch, Path dir, long cap) {
            this.launch = launch;
            this.key = dir.resolve("key");
            this.stdout = dir.resolve("stdout");
            this.stderr = dir.resolve("stderr");
            this.cap = cap;
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
            return launch.waitFor(millis);
        }

        @Override
        public boolean ended() {
            return launch.exit.isDone();
        }

        @Override
        public boolean overflow() {
            if (!overflow) {
                overflow = RunDirs.size(stdout) > cap || RunDirs.size(stderr) > cap;
            }
            return overflow;
        }

        @Override
        public void kill() {
            launch.kill();
        }

        @Override
        public void finish() {
            // the keeper ends once the namespace is gone: every writer of the files is gone with it
            try {
                launch.waitFor(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int exitCode() {
            return launch.exit.getNow(-1);
        }

        @Override
        public String stdout() {
            return head(stdout, cap);
        }

        /** Return the trace key the run made after its fork; without one, no trace line is believed. */
        String key() {
            String k = head(key, 64).strip();
            return k.matches("[0-9a-f]{32}") ? k : HexFormat.of().formatHex(randomBytes());
        }

        @Override
        public String stderr() {
            return head(stderr, cap);
        }

        private static String head(Path file, long cap) {
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return decode(in.readNBytes((int) Math.min(cap, Integer.MAX_VALUE)));
            } catch (IOException e) {
                return "";
            }
        }
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

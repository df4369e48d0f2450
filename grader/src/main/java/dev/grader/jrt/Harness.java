package dev.grader.jrt;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Run one student program (or the instructor's tests of it) inside the sandboxed JVM and record what its
 * threads and executors did.
 *
 * <p>Usage: {@code Harness main CLASS [ARGS...]}, {@code Harness test CLASS...}, {@code Harness probe}. The
 * trace file and its key come from {@code GRADER_TRACE} and {@code GRADER_TRACE_KEY}; {@code GRADER_WALL_MS}
 * is the run's time limit, shortly before which the stack of every thread is recorded.
 *
 * <p>After {@code main} returns, the harness waits for the program's other threads as the JVM would. When the
 * only threads left are idle workers of an executor, the program would never end by itself: the harness
 * records which executors keep it alive and ends it, instead of waiting for the time limit.
 */
public final class Harness {

    /** Exit code of a program that printed an uncaught exception from {@code main}, as the JVM's. */
    private static final int FAILED = 1;
    private static final long IDLE_MILLIS = 300;
    private static volatile Thread main;
    private static volatile Events events;
    private static Thread watcher;

    private Harness() {
    }

    /** Return true for the program's main thread. */
    static boolean isMain(Thread t) {
        return t == main;
    }

    /**
     * Run the harness.
     *
     * @param args the mode and its arguments
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("probe")) {
            System.out.println(1 + 1);
            return;
        }
        main = Thread.currentThread();
        events = Events.open(System.getenv("GRADER_TRACE"), key());
        Hooks.install(events);
        PrintStream realErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (events != null) {
            System.setOut(new PrintStream(new Tee(new FileOutputStream(FileDescriptor.out), events, "stdout"), true,
                    StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(new FileOutputStream(FileDescriptor.err), events, "stderr"), true,
                    StandardCharsets.UTF_8));
        }
        Thread.setDefaultUncaughtExceptionHandler((t, x) -> {
            Hooks.died(t, x);
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            x.printStackTrace(System.err);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(Harness::finish, "grader-finish"));
        stacksBeforeDeadline();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("test")) {
            int code = TestMode.run(events, rest, realErr);
            System.out.flush();
            Runtime.getRuntime().halt(code);
        }
        boolean failed = runMain(rest);
        waitForThreads(failed);
        System.exit(failed ? FAILED : 0);
    }

    /** Read the trace key from its file and remove the file, before any of the student's code runs. */
    private static String key() {
        String file = System.getenv("GRADER_TRACE_KEY_FILE");
        if (file == null) {
            return System.getenv("GRADER_TRACE_KEY");
        }
        try {
            Path p = Path.of(file);
            String key = Files.readString(p, StandardCharsets.US_ASCII).strip();
            Files.delete(p);
            return key;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Call the program's {@code main}; return true when it ended with an exception (printed as the JVM does). */
    private static boolean runMain(String[] args) {
        Method m;
        try {
            Class<?> c = Class.forName(args[0], false, Harness.class.getClassLoader());
            m = c.getDeclaredMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NoSuchMethodException("main is not static");
            }
            m.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("Error: could not run the main method of class " + args[0] + ": " + e);
            return true;
        }
        try {
            m.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
            return false;
        } catch (InvocationTargetException e) {
            Throwable x = e.getCause();
            trim(x);
            Hooks.died(Thread.currentThread(), x);
            System.err.print("Exception in thread \"main\" ");
            x.printStackTrace(System.err);
            return true;
        } catch (IllegalAccessException e) {
            System.err.println("Error: could not run the main method of class " + args[0] + ": " + e);
            return true;
        }
    }

    /** Drop the harness's own frames (reflection, this class) from the bottom of a main thread's stack. */
    private static void trim(Throwable x) {
        for (Throwable t = x; t != null; t = t.getCause()) {
            StackTraceElement[] s = t.getStackTrace();
            int keep = s.length;
            while (keep > 0 && (s[keep - 1].getClassName().startsWith("dev.grader.jrt.")
                    || s[keep - 1].getClassName().startsWith("jdk.internal.reflect.")
                    || s[keep - 1].getClassName().startsWith("java.lang.reflect."))) {
                keep--;
            }
            if (keep > 0 && keep < s.length) {
                t.setStackTrace(Arrays.copyOf(s, keep));
            }
        }
    }

    /**
     * Wait, as the JVM does, until no thread but daemons is left; end the program when the only ones left are
     * idle executor workers, recording the executors that keep it alive.
     */
    private static void waitForThreads(boolean failed) {
        long idleSince = -1;
        while (true) {
            List<Thread> live = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon() && !t.getName().startsWith("grader-")
                        && !t.getName().equals("DestroyJavaVM")) {
                    live.add(t);
                    if (!idleWorker(t, e.getValue())) {
                        idleSince = -2;
                    }
                }
            }
            if (live.isEmpty()) {
                return;
            }
            long now = System.nanoTime() / 1_000_000;
            if (idleSince == -2 || idleSince == -1) {
                idleSince = idleSince == -2 ? -1 : now;
            } else if (now - idleSince >= IDLE_MILLIS) {
                keptAlive(live, failed);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean idleWorker(Thread t, StackTraceElement[] stack) {
        if (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals("java.util.concurrent.ThreadPoolExecutor") && f.getMethodName().equals("getTask")
                    || f.getClassName().equals("java.util.concurrent.ForkJoinPool")
                            && f.getMethodName().equals("awaitWork")) {
                return true;
            }
        }
        return false;
    }

    private static void keptAlive(List<Thread> live, boolean failed) {
        Events e = events;
        if (e != null) {
            String[] names = live.stream().map(Thread::getName).sorted().toArray(String[]::new);
            e.emit("kept_alive", "pools", Hooks.unreleased(null).toArray(new String[0]), "threads", names);
        }
        System.out.flush();
        System.err.flush();
        finish();
        Runtime.getRuntime().halt(failed ? FAILED : 0);
    }

    /** Record the end of every started thread that has ended, once: at exit, however the program exits. */
    static synchronized void finish() {
        for (Hooks.Started s : Hooks.started()) {
            Hooks.ended(s.thread);
        }
    }

    /** Start, once, the daemon that records the ends of started threads as they happen. */
    static synchronized void watch() {
        if (watcher != null) {
            return;
        }
        watcher = new Thread(() -> {
            while (true) {
                for (Hooks.Started s : Hooks.started()) {
                    if (!s.ended && !s.thread.isAlive()) {
                        Hooks.ended(s.thread);
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "grader-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Record every thread's stack shortly before the time limit, to show where a hung program waits. */
    private static void stacksBeforeDeadline() {
        String wall = System.getenv("GRADER_WALL_MS");
        Events e = events;
        if (wall == null || e == null) {
            return;
        }
        long ms;
        try {
            ms = Long.parseLong(wall);
        } catch (NumberFormatException x) {
            return;
        }
        long at = Math.max(100, ms - 600);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(at);
            } catch (InterruptedException x) {
                return;
            }
            for (Map.Entry<Thread, StackTraceElement[]> s : Thread.getAllStackTraces().entrySet()) {
                Thread th = s.getKey();
                if (th.getName().startsWith("grader-") || th.getThreadGroup() != null
                        && th.getThreadGroup().getName().equals("system")) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (StackTraceElement f : s.getValue()) {
                    frames.add((f.getFileName() == null ? "" : f.getFileName()) + "|" + f.getLineNumber() + "|"
                            + f.getClassName() + "." + f.getMethodName());
                }
                e.emit("stack", "thread", th.getName(), "tid", th.getId(), "state", th.getState().name(),
                        "is_main", isMain(th), "frames", frames.toArray(new String[0]));
            }
        }, "grader-stacks");
        t.setDaemon(true);
        t.start();
    }

    /** Copy a stream to the real one and record each write with the unit of work that made it. */
    private static final class Tee extends OutputStream {
        private final OutputStream real;
        private final Events events;
        private final String stream;

        Tee(OutputStream real, Events events, String stream) {
            this.real = real;
            this.events = events;
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            real.write(b, off, len);
            if (len > 0) {
                events.emit("out", "stream", stream, "unit", Hooks.currentUnit(),
                        "text", new String(b, off, len, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }
    }
}

package dev.grader.jrt;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Record what the student's code does with threads, executors and child processes: the grader rewrites each
 * such call in the student's classes into a call of one of these methods, with the program line of the call
 * as the last argument. Each method records the event and then does exactly what the student's call did.
 *
 * <p>Runs inside the student's JVM: it depends on {@code java.base} only. Without a trace (the classes run
 * outside the harness) every method only does the student's call.
 */
public final class Hooks {

    private static volatile Events events;
    private static final Map<Object, Exec> EXECUTORS = new IdentityHashMap<>();
    private static final Map<Long, Started> THREADS = new ConcurrentHashMap<>();
    private static final Set<Long> WORKERS = ConcurrentHashMap.newKeySet();
    private static final Map<Object, String> PROCESSES = new IdentityHashMap<>();
    private static final ThreadLocal<String> TASK = new ThreadLocal<>();
    private static int units;

    private Hooks() {
    }

    /** Start recording into a trace. */
    static void install(Events e) {
        events = e;
    }

    /** Hold one executor the student made. */
    static final class Exec {
        final String id;
        final Object executor;
        volatile boolean released;

        Exec(String id, Object executor) {
            this.id = id;
            this.executor = executor;
        }
    }

    /** Hold one thread the student started. */
    static final class Started {
        final Thread thread;
        final String id;
        volatile boolean ended;

        Started(Thread thread, String id) {
            this.thread = thread;
            this.id = id;
        }
    }

    // ---- threads ----

    /** Record a thread made with {@code new Thread(...)} (or a subclass) at a line. */
    public static void threadNew(Object thread, int line) {
        Events e = events;
        if (e != null && thread instanceof Thread t) {
            e.emit("proc_new", "id", id(t), "name", t.getName(), "target", target(t), "line", line, "thread", true);
        }
    }

    /** Do {@code t.start()}, recorded. */
    public static void start(Thread t, int line) {
        Events e = events;
        if (e == null) {
            t.start();
            return;
        }
        // recorded before it runs, so that what it prints at once is already its own
        String id = id(t);
        if (!t.isAlive() && t.getState() == Thread.State.NEW) {
            THREADS.putIfAbsent(t.getId(), new Started(t, id));
            e.emit("proc_start", "id", id, "child", t.getId(), "explicit", true, "line", line, "name", t.getName());
            e.emit("unit_start", "unit", id, "kind", "thread", "owner", id, "func", target(t), "args", t.getName(),
                    "pid", t.getId());
        }
        t.start();
        Harness.watch();
    }

    /** Do {@code t.join()}, recorded. */
    public static void join(Thread t, int line) throws InterruptedException {
        t.join();
        joined(t, line);
    }

    /** Do {@code t.join(millis)}, recorded. */
    public static void join(Thread t, long millis, int line) throws InterruptedException {
        t.join(millis);
        joined(t, line);
    }

    /** Do {@code t.join(millis, nanos)}, recorded. */
    public static void join(Thread t, long millis, int nanos, int line) throws InterruptedException {
        t.join(millis, nanos);
        joined(t, line);
    }

    private static void joined(Thread t, int line) {
        Events e = events;
        if (e != null) {
            ended(t);
            e.emit("proc_join", "id", id(t), "line", line);
        }
    }

    /** Do {@code t.run()}: the student ran the thread's work in the calling thread instead of starting it. */
    public static void run(Thread t, int line) {
        Events e = events;
        if (e != null) {
            e.emit("proc_run_called", "id", id(t), "line", line);
        }
        t.run();
    }

    /** Record the end of a started thread once, when it is seen to have ended. */
    static void ended(Thread t) {
        Started s = THREADS.get(t.getId());
        Events e = events;
        if (s != null && s.thread == t && !t.isAlive() && !s.ended && e != null) {
            synchronized (s) {
                if (!s.ended) {
                    s.ended = true;
                    e.emit("unit_end", "unit", s.id, "error", null, "pid", t.getId());
                }
            }
        }
    }

    /** Record that a thread died of an exception. */
    static void died(Thread t, Throwable x) {
        Events e = events;
        if (e == null) {
            return;
        }
        String task = TASK.get();
        Started s = THREADS.get(t.getId());
        if (task == null && s != null && s.thread == t && !s.ended) {
            synchronized (s) {
                s.ended = true;
                e.emit("unit_end", "unit", s.id, "error", describe(x), "pid", t.getId());
            }
        }
    }

    /** Return the threads the student started. */
    static Collection<Started> started() {
        return THREADS.values();
    }

    // ---- executors ----

    /** Record an executor made by a factory method of {@code Executors} or a constructor. */
    public static void executorNew(Object executor, String kind, int line) {
        Events e = events;
        if (e == null || executor == null) {
            return;
        }
        Exec x = exec(executor, false);
        int size = executor instanceof ThreadPoolExecutor tpe ? tpe.getCorePoolSize()
                : executor instanceof ForkJoinPool fjp ? fjp.getParallelism() : kind.contains("Single") ? 1 : 0;
        e.emit("pool_new", "id", x.id, "kind", kind, "line", line, "size", size, "threads", true);
    }

    /** Do {@code e.execute(r)}, recorded. */
    public static void execute(Executor e, Runnable r, int line) {
        e.execute(wrap(e, "execute", r, line));
    }

    /** Do {@code e.submit(r)}, recorded. */
    public static Future<?> submit(ExecutorService e, Runnable r, int line) {
        return e.submit(wrap(e, "submit", r, line));
    }

    /** Do {@code e.submit(r, result)}, recorded. */
    public static <T> Future<T> submit(ExecutorService e, Runnable r, T result, int line) {
        return e.submit(wrap(e, "submit", r, line), result);
    }

    /** Do {@code e.submit(c)}, recorded. */
    public static <T> Future<T> submit(ExecutorService e, Callable<T> c, int line) {
        return e.submit(wrap(e, "submit", c, line));
    }

    /** Do {@code e.invokeAll(tasks)}, recorded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List invokeAll(ExecutorService e, Collection tasks, int line) throws InterruptedException {
        return e.invokeAll(wrapAll(e, "invokeAll", tasks, line));
    }

    /** Do {@code e.invokeAll(tasks, timeout, unit)}, recorded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List invokeAll(ExecutorService e, Collection tasks, long timeout, TimeUnit unit, int line)
            throws InterruptedException {
        return e.invokeAll(wrapAll(e, "invokeAll", tasks, line), timeout, unit);
    }

    /** Do {@code e.invokeAny(tasks)}, recorded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invokeAny(ExecutorService e, Collection tasks, int line)
            throws InterruptedException, ExecutionException {
        return e.invokeAny(wrapAll(e, "invokeAny", tasks, line));
    }

    /** Do {@code e.invokeAny(tasks, timeout, unit)}, recorded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invokeAny(ExecutorService e, Collection tasks, long timeout, TimeUnit unit, int line)
            throws InterruptedException, ExecutionException, TimeoutException {
        return e.invokeAny(wrapAll(e, "invokeAny", tasks, line), timeout, unit);
    }

    /** Do {@code e.shutdown()}, recorded. */
    public static void shutdown(ExecutorService e, int line) {
        released(e, "pool_shutdown", line);
        e.shutdown();
    }

    /** Do {@code e.shutdownNow()}, recorded. */
    public static List<Runnable> shutdownNow(ExecutorService e, int line) {
        released(e, "pool_terminate", line);
        return e.shutdownNow();
    }

    /** Do {@code e.awaitTermination(timeout, unit)}, recorded. */
    public static boolean awaitTermination(ExecutorService e, long timeout, TimeUnit unit, int line)
            throws InterruptedException {
        Events ev = events;
        if (ev != null) {
            ev.emit("pool_join", "id", exec(e, true).id, "line", line);
        }
        return e.awaitTermination(timeout, unit);
    }

    /** Do {@code e.close()} (an executor in try-with-resources, Java 19+), recorded. */
    public static void close(Object e, int line) throws Exception {
        released(e, "pool_exit", line);
        ((AutoCloseable) e).close();
    }

    private static void released(Object e, String ev, int line) {
        Events out = events;
        if (out != null) {
            Exec x = exec(e, true);
            x.released = true;
            out.emit(ev, "id", x.id, "line", line);
        }
    }

    private static Exec exec(Object executor, boolean implicit) {
        synchronized (EXECUTORS) {
            Exec x = EXECUTORS.get(executor);
            if (x == null) {
                x = new Exec("e" + (EXECUTORS.size() + 1), executor);
                EXECUTORS.put(executor, x);
                if (implicit && events != null) {
                    events.emit("pool_new", "id", x.id, "kind", executor.getClass().getSimpleName(), "line", 0,
                            "size", 0, "threads", true);
                }
            }
            return x;
        }
    }

    /** Return the executors the student made and never shut down. */
    static List<String> unreleased(Set<Object> executors) {
        List<String> out = new ArrayList<>();
        synchronized (EXECUTORS) {
            for (Exec x : EXECUTORS.values()) {
                if (!x.released && (executors == null || executors.contains(x.executor))) {
                    out.add(x.id);
                }
            }
        }
        return out;
    }

    /** Return the executors recorded, by identity. */
    static List<Object> executors() {
        synchronized (EXECUTORS) {
            return new ArrayList<>(EXECUTORS.keySet());
        }
    }

    private static List<Callable<Object>> wrapAll(Object e, String method, Collection<?> tasks, int line) {
        List<Callable<Object>> out = new ArrayList<>();
        for (Object c : tasks) {
            @SuppressWarnings("unchecked")
            Callable<Object> w = wrap(e, method, (Callable<Object>) c, line);
            out.add(w);
        }
        return out;
    }

    private static Runnable wrap(Object e, String method, Runnable r, int line) {
        Events ev = events;
        if (ev == null || r == null) {
            return r;
        }
        String func = name(r);
        String unit = call(ev, e, method, func, line);
        return () -> {
            begin(ev, unit, func);
            Throwable failed = null;
            try {
                r.run();
            } catch (RuntimeException | Error x) {
                failed = x;
                throw x;
            } finally {
                end(ev, unit, failed);
            }
        };
    }

    private static <T> Callable<T> wrap(Object e, String method, Callable<T> c, int line) {
        Events ev = events;
        if (ev == null || c == null) {
            return c;
        }
        String func = name(c);
        String unit = call(ev, e, method, func, line);
        return () -> {
            begin(ev, unit, func);
            Throwable failed = null;
            try {
                return c.call();
            } catch (Exception | Error x) {
                failed = x;
                throw x;
            } finally {
                end(ev, unit, failed);
            }
        };
    }

    private static String call(Events ev, Object e, String method, String func, int line) {
        Exec x = exec(e, true);
        ev.emit("pool_call", "id", x.id, "method", method, "func", func, "line", line);
        synchronized (Hooks.class) {
            return x.id + "-task-" + (++units);
        }
    }

    private static void begin(Events ev, String unit, String func) {
        Thread t = Thread.currentThread();
        if (WORKERS.add(t.getId())) {
            String id = "w" + t.getId();
            ev.emit("proc_new", "id", id, "name", t.getName(), "target", "", "line", 0, "pool_worker", true,
                    "thread", true);
            ev.emit("proc_start", "id", id, "child", t.getId(), "pool_worker", true, "name", t.getName());
        }
        TASK.set(unit);
        ev.emit("unit_start", "unit", unit, "kind", "task", "owner", null, "func", func, "args", "");
    }

    private static void end(Events ev, String unit, Throwable failed) {
        ev.emit("unit_end", "unit", unit, "error", failed == null ? null : describe(failed));
        TASK.remove();
    }

    // ---- child processes ----

    /** Record a child process started by {@code ProcessBuilder.start()} or {@code Runtime.exec}. */
    public static void processNew(Object process, String how, int line) {
        Events e = events;
        if (e == null || !(process instanceof Process p)) {
            return;
        }
        String id;
        synchronized (PROCESSES) {
            id = "p" + (PROCESSES.size() + 1);
            PROCESSES.put(p, id);
        }
        e.emit("proc_new", "id", id, "name", "process " + p.pid(), "target", how, "line", line);
        e.emit("proc_start", "id", id, "child", p.pid(), "explicit", true, "line", line, "name",
                "process " + p.pid());
    }

    /** Do {@code p.waitFor()}, recorded. */
    public static int waitFor(Process p, int line) throws InterruptedException {
        int code = p.waitFor();
        waited(p, line, code);
        return code;
    }

    /** Do {@code p.waitFor(timeout, unit)}, recorded. */
    public static boolean waitFor(Process p, long timeout, TimeUnit unit, int line) throws InterruptedException {
        boolean done = p.waitFor(timeout, unit);
        waited(p, line, done ? p.exitValue() : null);
        return done;
    }

    private static void waited(Process p, int line, Integer code) {
        Events e = events;
        String id;
        synchronized (PROCESSES) {
            id = PROCESSES.get(p);
        }
        if (e != null && id != null) {
            e.emit("proc_join", "id", id, "line", line, "exitcode", code);
        }
    }

    // ---- output ----

    /** Return the unit the calling thread works for: a pool task, a started thread, or null for main. */
    static String currentUnit() {
        String task = TASK.get();
        if (task != null) {
            return task;
        }
        Thread t = Thread.currentThread();
        Started s = THREADS.get(t.getId());
        return s != null && s.thread == t ? s.id : null;
    }

    // ---- naming ----

    private static String id(Thread t) {
        return "t" + t.getId();
    }

    private static String target(Thread t) {
        if (t.getClass() != Thread.class) {
            return name(t);
        }
        Object task = field(t, "target");
        if (task == null) {
            // Java 21 and later keep it in the thread's holder
            Object holder = field(t, "holder");
            task = holder == null ? null : field(holder, "task");
        }
        return task == null ? "" : name(task);
    }

    /** Read a private field of a JDK object (the JVM runs with java.lang opened to the harness); null if none. */
    private static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Name a task: its class, or {@code lambda in Q5} for a lambda or method reference. */
    static String name(Object task) {
        String n = task.getClass().getName();
        int lambda = n.indexOf("$$Lambda");
        if (lambda > 0) {
            return "lambda in " + n.substring(0, lambda);
        }
        return n;
    }

    /** Describe an exception as {@code Type: message}. */
    static String describe(Throwable x) {
        String m = x.getMessage();
        return x.getClass().getName() + (m == null ? "" : ": " + m);
    }
}

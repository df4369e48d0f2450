package dev.grader.run;

import java.util.List;

/**
 * Hold the multiprocessing activity a run recorded: processes, pools and units of work with their output.
 *
 * <p>Line numbers are 1-based lines of the program that ran ({@code main.py}); 0 when unknown.
 *
 * @param processes every {@code multiprocessing.Process} created, pool workers included
 * @param pools every {@code multiprocessing.Pool} and {@code ProcessPoolExecutor} created
 * @param units units of work in child processes: a started Process's run or one pool task
 * @param mainOutput what the main process itself printed on stdout
 * @param problems lines of the trace the grader could not read, for diagnosis
 * @param timeline the run laid out in time
 * @param stacks the stack of each thread shortly before the time limit (a JVM's harness records them itself)
 * @param keptAlive what kept a JVM alive after its {@code main} ended, or {@code null}
 * @param tests the outcome of each instructor test that ran
 * @param runCalls program lines where the student called a thread's {@code run()} instead of {@code start()}
 * @param objects the communication and synchronisation objects the student made (queues, pipes, locks, events)
 * @param calls the student's calls of the library functions that tell about threads and processes
 * @param mainErrors what the main process wrote on stderr, as the tracer saw it (the run's stderr is what counts;
 *     this stands in where that was lost)
 */
public record Trace(List<ProcessRecord> processes, List<PoolRecord> pools, List<Unit> units, String mainOutput,
        List<String> problems, List<Span> timeline, List<StackDump> stacks, KeptAlive keptAlive,
        List<TestOutcome> tests, List<Integer> runCalls, List<ObjectRecord> objects, List<Call> calls,
        String mainErrors) {

    public Trace {
        mainErrors = mainErrors == null ? "" : mainErrors;
        processes = List.copyOf(processes);
        pools = List.copyOf(pools);
        units = List.copyOf(units);
        problems = List.copyOf(problems);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
        tests = tests == null ? List.of() : List.copyOf(tests);
        runCalls = runCalls == null ? List.of() : List.copyOf(runCalls);
        objects = objects == null ? List.of() : List.copyOf(objects);
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    /** Make a trace without objects. */
    public Trace(List<ProcessRecord> processes, List<PoolRecord> pools, List<Unit> units, String mainOutput,
            List<String> problems, List<Span> timeline, List<StackDump> stacks, KeptAlive keptAlive,
            List<TestOutcome> tests, List<Integer> runCalls) {
        this(processes, pools, units, mainOutput, problems, timeline, stacks, keptAlive, tests, runCalls, List.of(),
                List.of(), "");
    }

    /** Return this trace without its threads: only processes, process pools, and the work of child processes. */
    public Trace withoutThreads() {
        return new Trace(processes.stream().filter(p -> !p.thread()).toList(),
                pools.stream().filter(p -> !p.threads()).toList(), units.stream().filter(u -> !u.thread()).toList(),
                mainOutput, problems, timeline, stacks, keptAlive, tests, runCalls, objects, calls, mainErrors);
    }

    /** Return this trace with only its pools of threads among its pools. */
    public Trace threadPoolsOnly() {
        return new Trace(processes, pools.stream().filter(PoolRecord::threads).toList(), units, mainOutput, problems,
                timeline, stacks, keptAlive, tests, runCalls, objects, calls, mainErrors);
    }

    /** Make a trace of a Python run. */
    public Trace(List<ProcessRecord> processes, List<PoolRecord> pools, List<Unit> units, String mainOutput,
            List<String> problems, List<Span> timeline) {
        this(processes, pools, units, mainOutput, problems, timeline, List.of(), null, List.of(), List.of(),
                List.of(), List.of(), "");
    }

    /**
     * Say what kept a JVM running once its {@code main} had returned: idle workers of executors never shut down.
     *
     * @param pools ids of the executors ({@link PoolRecord#id()}) never shut down
     * @param threads names of the threads left
     */
    public record KeptAlive(List<String> pools, List<String> threads) {

        public KeptAlive {
            pools = List.copyOf(pools);
            threads = List.copyOf(threads);
        }
    }

    /**
     * Hold the outcome of one instructor test.
     *
     * @param name {@code Class#method}, or the class for a failure before its tests ran
     * @param display the test's display name
     * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
     * @param message the failure's message, or {@code null}
     * @param seal the test runner's seal of the outcome ({@link TestSeal}), or {@code null} where the runner seals
     *     none (JUnit's, in the JVM the grader controls)
     */
    public record TestOutcome(String name, String display, String status, String message, String seal) {

        /** Hold an outcome without a seal. */
        public TestOutcome(String name, String display, String status, String message) {
            this(name, display, status, message, null);
        }
    }

    /** Make a trace without a timeline. */
    public Trace(List<ProcessRecord> processes, List<PoolRecord> pools, List<Unit> units, String mainOutput,
            List<String> problems) {
        this(processes, pools, units, mainOutput, problems, List.of());
    }

    /**
     * Hold one bar or mark of the run's timeline, in milliseconds from the first event.
     *
     * @param lane the process it belongs to: {@code main}, a process's name, a pool worker's name
     * @param kind {@code alive} (a process from start to end), {@code task} (a pool task on its worker),
     *     {@code join}, {@code terminate} or {@code start} (marks, where {@code from == to})
     * @param fromMs start
     * @param toMs end
     * @param label what to show on hover
     */
    public record Span(String lane, String kind, long fromMs, long toMs, String label) {}

    /** Return an empty trace: nothing multiprocessing happened or nothing was recorded. */
    public static Trace empty() {
        return new Trace(List.of(), List.of(), List.of(), "", List.of());
    }

    /**
     * Describe one Process object.
     *
     * @param id tracer id of the object
     * @param name the Process name
     * @param target qualified name of the target or the subclass's run
     * @param createdLine program line where the student created it
     * @param pid the child's pid once started, 0 before
     * @param startLine program line of the student's {@code start()}, 0 when the student never called it
     * @param joinLine program line of the student's first {@code join()}, 0 when never joined by the student
     * @param terminateLine program line of {@code terminate()} or {@code kill()}, 0 when never called
     * @param poolWorker whether a pool or executor created it (not the student)
     * @param exitCode exit code seen by the parent, {@code null} when unknown
     * @param thread whether it is a thread of the process that made it, not a process
     */
    public record ProcessRecord(String id, String name, String target, int createdLine, int pid, int startLine,
            int joinLine, int terminateLine, boolean poolWorker, Integer exitCode, boolean thread) {

        /** Describe a process. */
        public ProcessRecord(String id, String name, String target, int createdLine, int pid, int startLine,
                int joinLine, int terminateLine, boolean poolWorker, Integer exitCode) {
            this(id, name, target, createdLine, pid, startLine, joinLine, terminateLine, poolWorker, exitCode, false);
        }

        /** Return true when the process was started, by the student or by a pool. */
        public boolean started() {
            return pid != 0;
        }

        /** Return true when the student called {@code join()} on it. */
        public boolean joined() {
            return joinLine != 0;
        }
    }

    /**
     * Describe one pool of workers.
     *
     * @param id tracer id of the pool
     * @param kind {@code Pool} or {@code ProcessPoolExecutor}
     * @param line program line where the student created it
     * @param size number of workers asked for (or the default chosen)
     * @param workerPids pids of the workers seen
     * @param calls work submitted to it by the student
     * @param closeLine line of {@code close()}, 0 when never called
     * @param joinLine line of {@code join()}, 0 when never called
     * @param terminateLine line of {@code terminate()}, 0 when never called
     * @param exitLine line of the {@code with} block's end (its {@code __exit__}), 0 when not used in {@code with}
     * @param shutdownLine line of an executor's {@code shutdown()}, 0 when never called
     * @param threads whether its workers are threads ({@code ThreadPoolExecutor}, a Java executor), not processes
     */
    public record PoolRecord(String id, String kind, int line, int size, List<Integer> workerPids, List<PoolCall> calls,
            int closeLine, int joinLine, int terminateLine, int exitLine, int shutdownLine, boolean threads) {

        public PoolRecord {
            workerPids = List.copyOf(workerPids);
            calls = List.copyOf(calls);
        }

        /** Describe a pool of processes. */
        public PoolRecord(String id, String kind, int line, int size, List<Integer> workerPids, List<PoolCall> calls,
                int closeLine, int joinLine, int terminateLine, int exitLine, int shutdownLine) {
            this(id, kind, line, size, workerPids, calls, closeLine, joinLine, terminateLine, exitLine, shutdownLine,
                    false);
        }

        /** Return true when the student released the pool: close, terminate, shutdown or a {@code with} block. */
        public boolean released() {
            return closeLine != 0 || terminateLine != 0 || exitLine != 0 || shutdownLine != 0;
        }
    }

    /**
     * Describe work the student handed to a pool.
     *
     * @param method {@code map}, {@code starmap}, {@code imap}, {@code imap_unordered}, {@code apply},
     *     {@code apply_async}, {@code map_async}, {@code starmap_async}, {@code submit}
     * @param function qualified name of the function sent
     * @param line program line of the call
     */
    public record PoolCall(String method, String function, int line) {}

    /**
     * Describe one unit of work that ran in a child process.
     *
     * @param id stable id within the run
     * @param kind {@code process} (a started Process's run) or {@code task} (one item of a pool call)
     * @param pid pid of the process that ran it
     * @param processId for a {@code process} unit, the {@link ProcessRecord#id()}; for a task, the pool's id when known
     * @param function qualified name of the function run
     * @param argument short text of the arguments
     * @param stdout what the unit printed on stdout
     * @param stderr what it printed on stderr
     * @param error the exception that ended it, as {@code Type: message}, or {@code null}
     * @param finished whether it ran to its end (false when it was still running when the run ended)
     * @param thread whether it ran on a thread of the process that made it (a thread's run, a thread pool's
     *     task), not in a child process
     */
    public record Unit(String id, String kind, int pid, String processId, String function, String argument,
            String stdout, String stderr, String error, boolean finished, boolean thread) {

        /** Describe a unit of work in a child process. */
        public Unit(String id, String kind, int pid, String processId, String function, String argument,
                String stdout, String stderr, String error, boolean finished) {
            this(id, kind, pid, processId, function, argument, stdout, stderr, error, finished, false);
        }
    }

    /**
     * Describe a communication or synchronisation object the student made: a queue, a pipe, a lock, an event.
     *
     * @param id stable id within the run
     * @param kind its type as the student named it: {@code Queue}, {@code Lock}, {@code Event}, {@code Pipe}
     * @param line program line where the student made it
     * @param uses how the student's code used it, by method and line
     */
    public record ObjectRecord(String id, String kind, int line, List<ObjectUse> uses) {

        public ObjectRecord {
            uses = List.copyOf(uses);
        }

        /** Return how many times the student's code called a method on it (up to the tracer's cap per process). */
        public int count(String method) {
            return uses.stream().filter(u -> u.method().equals(method)).mapToInt(ObjectUse::count).sum();
        }
    }

    /**
     * Describe the calls of one method of an object at one line.
     *
     * @param method the method: {@code put}, {@code get}, {@code acquire} (a {@code with} block counts)
     * @param line program line of the calls
     * @param count how many calls were seen
     * @param more whether there were more: the tracer records a bounded number of calls of each method
     */
    public record ObjectUse(String method, int line, int count, boolean more) {}

    /**
     * Describe the student's calls of one library function at one line.
     *
     * @param function the function: {@code threading.active_count} (an alias, {@code activeCount}, counts as it)
     * @param name the name it was called by: {@code threading.activeCount}
     * @param line program line of the calls
     * @param count how many calls were seen (the tracer records a bounded number)
     */
    public record Call(String function, String name, int line, int count) {}
}

package dev.grader.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Describe one program to run in a child interpreter.
 *
 * @param key stable key for ordering results, e.g. {@code "seed001/Q6"}
 * @param source the program text, written to {@code main.py} in a private working directory
 * @param stdin text fed on standard input, then end-of-file
 * @param limits the run's limits
 * @param startMethod the multiprocessing start method to force ({@code fork}, {@code spawn}, {@code forkserver}),
 *     or {@code null} for the platform's default
 * @param files more files for the work directory, by relative path (a Java answer's class files)
 * @param args arguments the toolchain passes on (the Java harness's mode and class)
 */
public record RunSpec(String key, String source, String stdin, Limits limits, String startMethod,
        Map<String, byte[]> files, List<String> args) {

    public RunSpec {
        files = Map.copyOf(files);
        args = List.copyOf(args);
    }

    /** Describe a Python run. */
    public RunSpec(String key, String source, String stdin, Limits limits, String startMethod) {
        this(key, source, stdin, limits, startMethod, Map.of(), List.of());
    }

    /** Describe a run with the default limits but the given wall time and output cap. */
    public RunSpec(String key, String source, String stdin, Duration timeout, long maxOutputBytes) {
        this(key, source, stdin, Limits.DEFAULT.with(timeout, maxOutputBytes), null);
    }

    /** Return the wall-time limit. */
    public Duration timeout() {
        return limits.wallTime();
    }

    /** Return the bytes kept of stdout and of stderr each. */
    public long maxOutputBytes() {
        return limits.outputBytes();
    }
}

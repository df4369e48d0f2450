package dev.grader.run;

import java.time.Duration;
import java.util.Locale;

/**
 * Hold the limits of one run; each one hit is reported by its name.
 *
 * @param wallTime wall-clock time for the whole process tree
 * @param cpuTime CPU time of each process (a total needs a cgroup, which not every layer has)
 * @param memoryBytes memory of the whole run where a cgroup is available, else address space of each process
 * @param processes processes and threads the run may have at once: 256 by default, enough for a pool of 64 workers
 *     (each a process, with three threads in the pool's parent) and still a quick end to a fork bomb
 * @param fileSizeBytes size of any one file the run writes, and of all it writes in its directories
 * @param outputBytes bytes kept of stdout and of stderr each; more ends the run
 */
public record Limits(Duration wallTime, Duration cpuTime, long memoryBytes, int processes, long fileSizeBytes,
        long outputBytes) {

    /** The defaults when neither the rubric nor the command line says otherwise. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 512L << 20, 256,
            16L << 20, 256L << 10);

    /** Return these limits with another wall time and output cap (the rest unchanged). */
    public Limits with(Duration wall, long output) {
        return new Limits(wall, cpuTime, memoryBytes, processes, fileSizeBytes, output);
    }

    /** Return {@code 512 MiB}, {@code 64 KiB}, {@code 100 B}: a size as a person reads it. */
    public static String size(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    /** Return {@code 10 s}, {@code 1.5 s}. */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}

package dev.grader.run;

import java.util.List;

/**
 * Hold what happened when one program ran.
 *
 * @param key the key of the {@link RunSpec}
 * @param exitCode the interpreter's exit code; negative for a signal, -1 when it never ran
 * @param timedOut whether the wall-time limit ended the run
 * @param outputLimitHit whether stdout or stderr went past the byte limit and the run was ended
 * @param stdout what the program tree wrote to stdout (decoded, capped)
 * @param stderr what it wrote to stderr (decoded, capped)
 * @param wallMillis wall time from start to the end of the tree
 * @param trace the multiprocessing events recorded by the tracer
 * @param error why the grader could not run the program (environment or grader fault), or {@code null}
 * @param limit the limit the run hit, by name ("memory limit 512 MiB exceeded"), or {@code null}
 * @param stacks where each process was blocked when the time limit stopped the run; empty otherwise
 */
public record RunResult(String key, int exitCode, boolean timedOut, boolean outputLimitHit, String stdout,
        String stderr, long wallMillis, Trace trace, String error, String limit, List<StackDump> stacks) {

    public RunResult {
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
    }

    /** Make a result that hit no limit but, perhaps, the output cap. */
    public RunResult(String key, int exitCode, boolean timedOut, boolean outputLimitHit, String stdout,
            String stderr, long wallMillis, Trace trace, String error) {
        this(key, exitCode, timedOut, outputLimitHit, stdout, stderr, wallMillis, trace, error,
                outputLimitHit ? "output limit exceeded" : null, List.of());
    }

    /** Return true when the program exited by itself with status 0. */
    public boolean succeeded() {
        return error == null && !timedOut && !outputLimitHit && limit == null && exitCode == 0;
    }
}

package dev.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Say what a sandboxed run executes: Python's interpreter with the tracer, or a JVM with the harness. The
 * sandbox and the runner are the same for both; only the command, its support files and its environment differ.
 */
public interface Toolchain {

    /** Return the program every run executes ({@code python3}, {@code java}). */
    Path executable();

    /** Return the folders outside /usr the executable needs to see inside the sandbox. */
    List<Path> homes();

    /** Return the grader's own files every run reads (the tracer or the harness), bound read-only. */
    Path support();

    /**
     * Write a trivial program that prints {@code 2} into a work folder and return its arguments, to probe a layer.
     *
     * @param work the run's work folder
     * @param support the support folder as the program sees it
     */
    List<String> probe(Path work, String support) throws IOException;

    /**
     * Return the arguments of one run, after the executable.
     *
     * @param spec the run
     * @param seen the work, trace and support folders as the program sees them
     */
    List<String> arguments(RunSpec spec, List<String> seen);

    /** Return what the run's environment needs besides the common variables. */
    Map<String, String> environment(RunSpec spec, List<String> seen);

    /**
     * Return true when the trace key is handed over in the environment; else it is in a file the run reads and
     * removes before the student's code starts ({@code GRADER_TRACE_KEY_FILE}), where the code cannot ask for it.
     */
    default boolean keyInEnvironment() {
        return true;
    }

    /** Return true when the stacks of a hung run are taken by signalling its Python processes. */
    boolean signalStacks();

    /** Return what runs execute, for messages: {@code the Python interpreter /usr/bin/python3}. */
    String describe();

    /**
     * Return the command of a warm interpreter that forks each run (see {@code Zygote}), started with the support
     * folder on its path; empty when runs of this toolchain cannot be forked from one.
     */
    default List<String> zygote() {
        return List.of();
    }
}

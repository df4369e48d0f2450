package dev.grader.run;

/**
 * Run one program in a child process, isolated as well as this runner can.
 *
 * <p>Implementations never throw for a failing program: every outcome is data on the {@link RunResult}.
 */
public interface Runner {

    /** Run the program and return what happened, once the whole process tree is gone. */
    RunResult run(RunSpec spec);

    /** Return a one-line description of the isolation this runner gives, for reports. */
    String isolation();
}

package dev.grader.run;

import java.time.Duration;

/**
 * Describe one program to run in a child interpreter.
 *
 * @param key stable key for ordering results, e.g. {@code "seed001/Q6"}
 * @param source the program text, written to {@code main.py} in a private working directory
 * @param stdin text fed on standard input, then end-of-file
 * @param timeout wall-time limit for the whole process tree
 * @param maxOutputBytes bytes kept of stdout and of stderr each; more ends the run
 */
public record RunSpec(String key, String source, String stdin, Duration timeout, long maxOutputBytes) {}

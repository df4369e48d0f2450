package dev.grader.judge;

import dev.grader.analyse.Finding;
import dev.grader.build.Program;
import dev.grader.ingest.Note;
import dev.grader.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * Read a run in the terms of its language: what its compile errors are called, the exception that ended it, where
 * it waited when it hung, and what the run shows beside the verdicts. Each language module has one; the judge and
 * the checks ask the language nothing else.
 */
public interface RunReader {

    /** The role of the run of a question's instructor tests among a program's runs. */
    String TESTS = "tests";

    /** Return what a compile error is called in feedback: {@code SyntaxError}, {@code compile error}. */
    String compileError();

    /** Return the status of a question whose code does not compile: {@code syntax_error}, {@code compile_error}. */
    String compileErrorStatus();

    /** Find the exception that ended the program, with the student's line when it is known; null when none. */
    String exception(Program program, String stderr);

    /** Say where each process or thread waited when the time limit stopped the run. */
    List<RunSummary.Hang> hangs(Program program, RunResult run);

    /** Return the misuse only the run shows (a program kept alive by idle workers); none by default. */
    default List<Finding> findings(Program program, RunResult run) {
        return List.of();
    }

    /**
     * Return notes on the program beside its verdicts: what its other runs showed (instructor tests, another start
     * method) or what its runtime did at exit.
     *
     * @param run the program's own run, or {@code null} when it was not run
     * @param others its other runs by role ({@code tests}, {@code spawn}), as its language module listed them
     */
    List<Note> notes(Program program, RunResult run, Map<String, RunResult> others);

    /** Say in a sentence what may keep a program of this language waiting forever, for a run stopped at the limit. */
    String hangAdvice();
}

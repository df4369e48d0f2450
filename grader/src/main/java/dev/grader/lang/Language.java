package dev.grader.lang;

import dev.grader.judge.RunReader;
import dev.grader.rubric.Rubric;
import dev.grader.run.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Grade the submissions of one programming language: everything that differs between Python and Java, from reading
 * a submission to reading a run's failures. One implementation per language, found by {@link Languages}; the
 * pipeline, the judge and the commands ask nothing else of the language they hold.
 */
public interface Language {

    /** Return the name rubrics give as their {@code language}: {@code python}. */
    String name();

    /** Return what programs of the language run on, as a user names it: {@code Python}, {@code JDK}. */
    String runtimeName();

    /** Return the endings of the files a submission of the language may be: {@code .ipynb}, {@code .py}. */
    List<String> extensions();

    /**
     * Write the file students start from, of one of the {@link #extensions()}: each question as a heading, with
     * room for the answer.
     *
     * @param fileName the file's name, which says its format
     */
    String starter(Rubric rubric, String fileName);

    /**
     * Find what the language's programs run with, or print why it cannot be used and return {@code null}.
     *
     * @param interpreter the interpreter the user named ({@code --python}), for a language that has one
     * @param err where to say what is missing
     */
    Toolchain toolchain(String interpreter, PrintWriter err);

    /** Return what a batch's results say its programs ran on: {@code Python 3.11.7 (/usr/bin/python3)}. */
    String runtime(Toolchain toolchain);

    /**
     * Start grading one rubric's submissions; the session is closed when the batch is done.
     *
     * @param rubric the rubric, of this language
     * @param toolchain what {@link #toolchain} found
     * @throws IOException when what the session needs (a helper process) cannot be started; the message says what
     */
    Session open(Rubric rubric, Toolchain toolchain) throws IOException;

    /** Return how runs of the language are read. */
    RunReader reader();
}

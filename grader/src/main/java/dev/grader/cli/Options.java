package dev.grader.cli;

import dev.grader.python.Interpreter;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Hold the options every grading command shares: rubric and interpreter. */
final class Options {

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric (YAML). Default: the bundled multiprocessing rubric (rubrics/multiprocessing.yaml).")
    Path rubric;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "Python interpreter that runs the students' code (3.8 or newer). Default: ${DEFAULT-VALUE}.")
    String python;

    /** Load the rubric, printing every problem; return null when it is invalid. */
    Rubric loadRubric(PrintWriter err) {
        try {
            return rubric == null ? RubricLoader.loadBundled("multiprocessing.yaml") : RubricLoader.load(rubric);
        } catch (RubricException e) {
            err.println("The rubric is not valid:");
            for (String p : e.problems()) {
                err.println("  " + p);
            }
            return null;
        }
    }

    /** Probe the interpreter, printing why it is unusable; return null then. */
    Interpreter probePython(PrintWriter err) {
        try {
            return Interpreter.probe(python);
        } catch (Interpreter.InterpreterException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}

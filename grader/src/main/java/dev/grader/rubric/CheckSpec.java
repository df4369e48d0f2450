package dev.grader.rubric;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declare a type of check a rubric may use: its name, what it decides, its parameters and the languages it
 * applies to. The rubric loader validates every check of a rubric against these declarations; the judge runs the
 * check of the same name.
 *
 * <p>A check type is one class, registered as a service of this interface; {@link CheckSpecs} finds them all.
 */
public interface CheckSpec {

    /** Return the name rubrics use: {@code process_started}. */
    String name();

    /** Return one paragraph saying what the check decides and on what evidence. */
    String description();

    /** Return the parameters a rubric may give, beyond {@code id}, {@code points}, {@code pass} and {@code fail}. */
    default List<Param> params() {
        return List.of();
    }

    /** Return the rubric languages it applies to ({@code python}, {@code java}). */
    Set<String> languages();

    /**
     * Return the endings of the instructor test files a question may list for this check ({@code .java} for JUnit
     * tests); none for a check that runs no tests.
     */
    default Set<String> testFiles() {
        return Set.of();
    }

    /**
     * Return the check as a rubric writes it, one YAML mapping: by default its name, each parameter a rubric must
     * give (with a placeholder), and one point.
     */
    default String example() {
        StringBuilder yaml = new StringBuilder("- check: " + name() + "\n");
        for (Param p : params()) {
            if (p.required()) {
                yaml.append("  ").append(p.name()).append(": ...\n");
            }
        }
        return yaml.append("  points: 1\n").toString();
    }

    /**
     * Return what is wrong with a check's values beyond their declared types, or {@code null}: a check may need a
     * value to name one of its question's test files.
     *
     * @param values the check's parameters as the rubric gives them
     * @param tests the question's instructor test files, by name, with their text
     */
    default Problem problem(Map<String, Object> values, Map<String, String> tests) {
        return null;
    }

    /**
     * Say what is wrong with one parameter's value.
     *
     * @param param the parameter, whose line the problem is reported at
     * @param message what is wrong
     */
    record Problem(String param, String message) {
    }
}

package dev.grader.analyse.java;

import dev.grader.analyse.Rule;
import dev.grader.analyse.Severity;

/** Find one kind of thread, process or executor misuse in a Java compilation unit. */
abstract class JavaRule extends Rule<JavaFacts> {

    JavaRule(String id, Severity severity, String summary, String why, String fix, String example) {
        super(id, "java", severity, summary, why, fix, example);
    }
}

package dev.grader.analyse.java;

import dev.grader.analyse.RuleInfo;
import dev.grader.analyse.Severity;
import java.util.ArrayList;
import java.util.List;

/** Find one kind of thread, process or executor misuse in a Java compilation unit. */
abstract class JavaRule {

    private final RuleInfo info;

    JavaRule(String id, Severity severity, String summary, String why, String fix, String example) {
        this.info = new RuleInfo(id, "java", severity, summary, why, fix, example);
    }

    final RuleInfo info() {
        return info;
    }

    final List<Hit> check(JavaFacts facts) {
        List<Hit> out = new ArrayList<>();
        find(facts, out);
        return out;
    }

    abstract void find(JavaFacts facts, List<Hit> out);

    final Hit hit(int line, String message) {
        return new Hit(info.id(), info.severity(), line, message);
    }

    /**
     * Hold one place a rule fires.
     *
     * @param rule the rule's id
     * @param severity its severity
     * @param line 1-based line
     * @param message what is wrong and how to fix it
     */
    record Hit(String rule, Severity severity, int line, String message) {}
}

package dev.grader.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * Find one kind of misuse in a model of a program; each language's rules extend this with their model.
 *
 * @param <M> what the language's analysis gives the rules: the evaluated model, the parsed unit
 */
public abstract class Rule<M> {

    private final RuleInfo info;

    /** Make a rule with its catalogue metadata. */
    protected Rule(String id, String language, Severity severity, String summary, String why, String fix,
            String example) {
        this.info = new RuleInfo(id, language, severity, summary, why, fix, example);
    }

    /** Return the rule's metadata. */
    public final RuleInfo info() {
        return info;
    }

    /** Return every place the rule fires in the model. */
    public final List<Hit> check(M model) {
        List<Hit> out = new ArrayList<>();
        find(model, out);
        return out;
    }

    /** Add every place the rule fires to {@code out}. */
    protected abstract void find(M model, List<Hit> out);

    /** Make a hit at the rule's own severity. */
    protected final Hit hit(int line, String message) {
        return new Hit(info.id(), info.severity(), line, message);
    }

    /** Make a hit at a severity lower than the rule's, where the mistake matters less. */
    protected final Hit hit(Severity severity, int line, String message) {
        return new Hit(info.id(), severity, line, message);
    }

    /**
     * Hold one place a rule fires.
     *
     * @param rule the rule's id
     * @param severity the severity of this finding
     * @param line 1-based line of the analysed program
     * @param message what is wrong and how to fix it
     */
    public record Hit(String rule, Severity severity, int line, String message) {}
}

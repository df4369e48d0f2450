package dev.grader.analyse;

import java.util.List;

/**
 * Declare the misuse rules of one language, registered as a service of this interface so that the
 * {@link Catalogue} lists every language's rules without knowing the languages.
 */
public interface RuleSet {

    /** Return the rules, in the order {@code grader rules} lists them. */
    List<RuleInfo> rules();
}

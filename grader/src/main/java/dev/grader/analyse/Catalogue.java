package dev.grader.analyse;

import dev.grader.analyse.java.JavaAnalyzer;
import dev.grader.analyse.python.PythonAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * List every misuse rule the grader knows, with its metadata, for {@code rules}, {@code explain} and rubrics.
 */
public final class Catalogue {

    private Catalogue() {
    }

    /** Return every rule, in catalogue order. */
    public static List<RuleInfo> all() {
        List<RuleInfo> all = new ArrayList<>(PythonAnalyzer.rules());
        all.addAll(JavaAnalyzer.rules());
        return List.copyOf(all);
    }

    /** Return the rule with the given id. */
    public static Optional<RuleInfo> find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}

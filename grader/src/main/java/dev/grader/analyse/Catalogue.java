package dev.grader.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * List every misuse rule the grader knows, with its metadata, for {@code rules}, {@code explain} and rubrics: the
 * rules of every {@link RuleSet} on the class path.
 */
public final class Catalogue {

    private static final List<RuleInfo> ALL = load();

    private Catalogue() {
    }

    private static List<RuleInfo> load() {
        List<RuleInfo> all = new ArrayList<>();
        for (RuleSet set : ServiceLoader.load(RuleSet.class, RuleSet.class.getClassLoader())) {
            all.addAll(set.rules());
        }
        return List.copyOf(all);
    }

    /** Return every rule, in catalogue order. */
    public static List<RuleInfo> all() {
        return ALL;
    }

    /** Return the rule with the given id. */
    public static Optional<RuleInfo> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}

package dev.grader.rubric;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Find every check type the grader has: the services of {@link CheckSpec} on the class path. */
public final class CheckSpecs {

    private static final Map<String, CheckSpec> ALL = load();

    private CheckSpecs() {
    }

    private static Map<String, CheckSpec> load() {
        Map<String, CheckSpec> all = new TreeMap<>();
        for (CheckSpec s : ServiceLoader.load(CheckSpec.class, CheckSpec.class.getClassLoader())) {
            if (all.put(s.name(), s) != null) {
                throw new IllegalStateException("two check types are named " + s.name());
            }
        }
        return all;
    }

    /** Return every check type by name, in name order. */
    public static Map<String, CheckSpec> all() {
        return ALL;
    }
}

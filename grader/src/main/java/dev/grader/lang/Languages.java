package dev.grader.lang;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Find the language modules the grader has: the services of {@link Language} on the class path. */
public final class Languages {

    private static final Map<String, Language> ALL = load();

    private Languages() {
    }

    private static Map<String, Language> load() {
        Map<String, Language> all = new TreeMap<>();
        for (Language l : ServiceLoader.load(Language.class, Language.class.getClassLoader())) {
            if (all.put(l.name(), l) != null) {
                throw new IllegalStateException("two language modules are named " + l.name());
            }
        }
        return all;
    }

    /** Return every language by name, in name order. */
    public static Map<String, Language> all() {
        return ALL;
    }

    /**
     * Return the module of a rubric's language.
     *
     * @throws NoSuchElementException when the grader has none (a rubric the loader accepted always has one)
     */
    public static Language of(String name) {
        Language l = ALL.get(name);
        if (l == null) {
            throw new NoSuchElementException("the grader has no language module '" + name + "'; it has "
                    + String.join(", ", ALL.keySet()));
        }
        return l;
    }
}

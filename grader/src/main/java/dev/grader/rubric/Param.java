package dev.grader.rubric;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Declare one parameter of a check type.
 *
 * @param name the key in the rubric: {@code min}
 * @param type what its value must be
 * @param fallback the value when the rubric leaves it out, or {@code null} when the check needs it
 * @param description what it changes, in a sentence
 * @param choices the values it may take ({@link Type#CHOICE}) or hold ({@link Type#CHOICES}); empty for others
 */
public record Param(String name, Type type, Object fallback, String description, Supplier<Set<String>> choices) {

    /** Declare a parameter without a fixed set of values. */
    public Param(String name, Type type, Object fallback, String description) {
        this(name, type, fallback, description, Set::of);
    }

    /** Return true when a rubric must give it. */
    public boolean required() {
        return fallback == null;
    }

    /** Say what a parameter's value is. */
    public enum Type {
        /** A whole number of at least 0. */
        COUNT("a whole number of at least 0"),
        /** {@code true} or {@code false}. */
        FLAG("true or false"),
        /** Any text. */
        TEXT("text"),
        /** A regular expression (Java's syntax). */
        REGEX("a regular expression"),
        /** One of the declared choices. */
        CHOICE("one of the values listed"),
        /** One or a list of the declared choices. */
        CHOICES("one or a list of the values listed");

        private final String reads;

        Type(String reads) {
            this.reads = reads;
        }

        /** Return what the value must be, in words. */
        public String reads() {
            return reads;
        }
    }
}

package dev.grader.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Read a check's parameter from a rubric as its declaration says: a count, a flag, text, a regex, a choice. */
final class ParamReader {

    private ParamReader() {
    }

    /** Read one parameter's value as its declaration says, or report at its line why it cannot be and return null. */
    static Object read(Param param, YamlNode v, BiConsumer<Integer, String> problem) {
        String what = "'" + param.name() + "' must be " + param.type().reads();
        switch (param.type()) {
            case COUNT -> {
                if (v.value() instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && n.intValue() >= 0) {
                    return n.intValue();
                }
            }
            case FLAG -> {
                if (v.value() instanceof Boolean b) {
                    return b;
                }
            }
            case TEXT -> {
                if (!(v.value() instanceof List) && !(v.value() instanceof Map) && v.value() != null) {
                    return String.valueOf(v.value());
                }
            }
            case REGEX -> {
                if (!(v.value() instanceof List) && !(v.value() instanceof Map) && v.value() != null) {
                    try {
                        Pattern.compile(String.valueOf(v.value()));
                        return String.valueOf(v.value());
                    } catch (PatternSyntaxException e) {
                        problem.accept(v.line(), "'" + param.name() + "' is not a valid regular expression: "
                                + e.getDescription());
                        return null;
                    }
                }
            }
            case CHOICE -> {
                String s = String.valueOf(v.value());
                Set<String> choices = param.choices().get();
                if (choices.contains(s)) {
                    return s;
                }
                problem.accept(v.line(), "'" + param.name() + "' must be one of " + String.join(", ", new TreeSet<>(choices))
                        + ", not '" + s + "'" + Suggestions.nearest(s, choices));
                return null;
            }
            case CHOICES -> {
                List<YamlNode> items = v.value() instanceof List<?> ? v.list() : List.of(v);
                Set<String> choices = param.choices().get();
                List<String> out = new ArrayList<>();
                boolean ok = true;
                for (YamlNode item : items) {
                    String s = String.valueOf(item.value());
                    if (!choices.contains(s)) {
                        problem.accept(item.line(), "unknown " + param.name().replaceAll("s$", "") + " '" + s + "'"
                                + Suggestions.nearest(s, choices) + " in '" + param.name() + "'");
                        ok = false;
                    }
                    out.add(s);
                }
                return ok ? List.copyOf(out) : null;
            }
            default -> throw new IllegalStateException(param.type().name());
        }
        problem.accept(v.line(), what);
        return null;
    }
}

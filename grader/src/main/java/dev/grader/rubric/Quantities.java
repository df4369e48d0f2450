package dev.grader.rubric;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read the durations and sizes of rubrics and command lines: {@code 10s}, {@code 500ms}, {@code 256KiB}. */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB|k|K|M|G)?");

    private Quantities() {
    }

    /** Read a duration such as {@code 10s}, {@code 500ms}, {@code 2m} or {@code 3} (seconds); null when not one. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = (long) (unit.equals("ms") ? v : unit.equals("m") ? v * 60_000 : v * 1000);
        return millis <= 0 ? null : Duration.ofMillis(millis);
    }

    /** Read a size such as {@code 65536}, {@code 256KiB}, {@code 1MiB}, {@code 2G}; null when not one. */
    public static Long size(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long bytes = switch (unit) {
            case "KiB", "k", "K", "KB" -> v * 1024;
            case "MiB", "M", "MB" -> v * 1024 * 1024;
            case "GiB", "G", "GB" -> v * 1024 * 1024 * 1024;
            default -> v;
        };
        return bytes <= 0 ? null : bytes;
    }
}

package dev.grader.segment;

import dev.grader.rubric.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognise a question by its words: a heading that carries the question's text, a line that repeats it. */
final class QuestionText {

    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Set<String> STOP = Set.of("the", "and", "for", "are", "with", "what", "why", "how", "can",
            "its", "you", "this", "that", "from", "into", "which", "python");

    private final List<Question> questions;

    QuestionText(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** Return whether a line is mostly the question's own words (the question repeated, not an answer). */
    static boolean repeats(String line, Question q) {
        List<String> lw = content(line);
        List<String> qw = content(q.text() == null ? "" : q.text());
        long inQuestion = lw.stream().filter(qw::contains).count();
        return !lw.isEmpty() && inQuestion >= 0.7 * lw.size();
    }

    /**
     * Return the question whose text the line carries, clearly better than any other, or null.
     *
     * @param most whether the line must carry most of the question's words (a line inside code)
     */
    Question match(String line, boolean most) {
        List<String> lw = content(line);
        if (lw.size() < 2) {
            return null;
        }
        Question best = null;
        double bestScore = 0;
        double second = 0;
        for (Question q : questions) {
            if (q.text() == null || q.text().isBlank()) {
                continue;
            }
            List<String> qw = content(q.text());
            if (qw.isEmpty()) {
                continue;
            }
            int hit = 0;
            for (String w : qw) {
                if (lw.stream().anyMatch(x -> similar(x, w))) {
                    hit++;
                }
            }
            long inQuestion = lw.stream().filter(x -> qw.stream().anyMatch(w -> similar(x, w))).count();
            double recall = (double) hit / qw.size();
            double precision = (double) inQuestion / lw.size();
            // a short question ("What is multiprocessing? Why is it useful?") has only two words to find
            boolean enough = most ? recall >= 0.75 && precision >= 0.8 : recall >= 0.6;
            double score = hit >= Math.min(3, qw.size()) && qw.size() >= 2 && enough
                    ? 2 * precision * recall / (precision + recall) : 0;
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = q;
            } else if (score > second) {
                second = score;
            }
        }
        return best != null && bestScore >= 0.7 && bestScore - second >= 0.15 ? best : null;
    }

    private static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.equals(b + "s") || b.equals(a + "s") || a.equals(b + "es") || b.equals(a + "es")) {
            return true;
        }
        return a.length() >= 4 && b.length() >= 4 && withinOneEdit(a, b);
    }

    /** Return true when one substitution, insertion or deletion at most turns {@code a} into {@code b}. */
    private static boolean withinOneEdit(String a, String b) {
        // a linear walk, not the full edit-distance table: this runs for every pair of words of every cell
        String s = a.length() <= b.length() ? a : b;
        String l = a.length() <= b.length() ? b : a;
        if (l.length() - s.length() > 1) {
            return false;
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        if (i == s.length()) {
            return true;
        }
        return s.length() == l.length()
                ? s.regionMatches(i + 1, l, i + 1, s.length() - i - 1)
                : s.regionMatches(i, l, i + 1, s.length() - i);
    }

    private static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (w.length() >= 3 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Return the words of a text, in lower case. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}

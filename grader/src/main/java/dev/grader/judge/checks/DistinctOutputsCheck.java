package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.judge.Evidence;
import dev.grader.rubric.Param;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decide {@code distinct_outputs}: enough units of work printed different things, or different numbers. */
public final class DistinctOutputsCheck implements CheckType {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?");

    @Override
    public String name() {
        return "distinct_outputs";
    }

    @Override
    public String description() {
        return "Passes when at least count units of work (a started process's or thread's run, or one pool task) "
                + "printed inside the child, and what they printed differs pairwise. With numbers: true each unit "
                + "must print a number and be given one of its numbers that no other unit is given (Process 3: 3 and a "
                + "pid beside the number pass; four units printing 1, or words, fail). Units, not workers, count: "
                + "which pool worker ran which task varies from run to run.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("count", Param.Type.COUNT, 4, "How many units must print different outputs."),
                new Param("numbers", Param.Type.FLAG, false, "Whether the outputs must differ by a number each."));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        int count = ctx.count("count");
        if (ctx.flag("numbers")) {
            return numbers(ctx, count);
        }
        Set<String> distinct = new LinkedHashSet<>();
        int printing = 0;
        List<String> evidence = new ArrayList<>();
        for (Unit u : ctx.trace().units()) {
            String out = Evidence.printed(u).strip();
            if (!out.isEmpty()) {
                printing++;
                if (distinct.add(out)) {
                    evidence.add(Evidence.unitLabel(u) + " printed " + Evidence.quote(out));
                }
            }
        }
        evidence.add(0, printing + " unit" + (printing == 1 ? "" : "s") + " printed, " + distinct.size()
                + " different output" + (distinct.size() == 1 ? "" : "s") + " (" + count + " needed)");
        return distinct.size() >= count ? ctx.pass("Each unit printed something different.", evidence)
                : ctx.fail("Not enough units printed different outputs.", evidence);
    }

    private static CheckResult numbers(CheckContext ctx, int count) {
        List<Unit> units = new ArrayList<>();
        List<List<String>> numbers = new ArrayList<>();
        int printing = 0;
        for (Unit u : ctx.trace().units()) {
            String out = Evidence.printed(u);
            if (out.isBlank()) {
                continue;
            }
            printing++;
            // last printed first: the number a line prints usually ends it ("12:00:01 - Process 3 - printing 3"),
            // and the evidence shows the number each unit was given
            List<String> all = new ArrayList<>();
            Matcher m = NUMBER.matcher(out);
            while (m.find()) {
                all.add(normalNumber(m.group()));
            }
            List<String> found = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!found.contains(all.get(i))) {
                    found.add(all.get(i));
                }
            }
            if (!found.isEmpty()) {
                units.add(u);
                numbers.add(found);
            }
        }
        String[] given = matchNumbers(numbers);
        List<String> evidence = new ArrayList<>();
        int told = 0;
        for (int i = 0; i < units.size(); i++) {
            if (given[i] != null) {
                told++;
                evidence.add(Evidence.unitLabel(units.get(i)) + " printed " + given[i] + ": "
                        + Evidence.quote(Evidence.printed(units.get(i))));
            }
        }
        evidence.add(0, printing + " unit" + (printing == 1 ? "" : "s") + " printed, " + units.size()
                + " of them a number, " + told + " a number of " + (told == 1 ? "its" : "their") + " own ("
                + count + " needed)");
        return told >= count ? ctx.pass("Each unit printed a different number.", evidence)
                : ctx.fail("Not enough units printed different numbers.", evidence);
    }

    /** Write a number one way: {@code 07}, {@code 7.0} and {@code 7} are the same number. */
    private static String normalNumber(String n) {
        boolean negative = n.startsWith("-");
        String s = negative ? n.substring(1) : n;
        s = s.replaceFirst("^0+(?=\\d)", "");
        if (s.contains(".")) {
            s = s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return negative && !s.equals("0") ? "-" + s : s;
    }

    /**
     * Give each unit one of its numbers, no number to two units, as many units as can be (a matching grown by
     * augmenting paths); a unit left without one is {@code null}.
     */
    static String[] matchNumbers(List<List<String>> numbers) {
        Map<String, Integer> owner = new LinkedHashMap<>();
        String[] given = new String[numbers.size()];
        for (int u = 0; u < numbers.size(); u++) {
            augment(u, numbers, owner, given, new HashSet<>());
        }
        return given;
    }

    private static boolean augment(int u, List<List<String>> numbers, Map<String, Integer> owner, String[] given,
            Set<String> seen) {
        for (String n : numbers.get(u)) {
            if (!seen.add(n)) {
                continue;
            }
            Integer other = owner.get(n);
            if (other == null || augment(other, numbers, owner, given, seen)) {
                owner.put(n, u);
                given[u] = n;
                return true;
            }
        }
        return false;
    }
}

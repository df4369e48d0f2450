package dev.grader.judge.checks;

import dev.grader.build.Program;
import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.Evidence;
import dev.grader.rubric.Param;
import dev.grader.run.Trace;
import dev.grader.run.Trace.ProcessRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Count the processes (threads) the answer started, as a reader counts them: its own when it started any (a pool
 * beside them is another demonstration), else its pools' workers. Those started by different cells count together
 * only when they ran at the same time: cells that each start and finish a few are separate demonstrations, each
 * judged alone. {@code processes_started}, {@code threads_started}.
 */
abstract class ProcessesStartedBase extends TraceCheck {

    private final String unit;
    private final String units;
    private final String pool;

    /**
     * Name what is counted.
     *
     * @param unit one of them: {@code process}
     * @param units more: {@code processes}
     * @param pool one of a pool's: {@code pool worker}
     * @param view the part of the trace it sees
     */
    ProcessesStartedBase(String unit, String units, String pool, UnaryOperator<Trace> view) {
        super(view);
        this.unit = unit;
        this.units = units;
        this.pool = pool;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("min", Param.Type.COUNT, 4, "How many must be started."),
                new Param("together", Param.Type.FLAG, together(), "Whether those started by different cells count "
                        + "together only when they ran at the same time (cells that each start and finish theirs "
                        + "are separate demonstrations)."));
    }

    /** Return the default of {@code together}. */
    abstract boolean together();

    @Override
    public CheckResult judge(CheckContext ctx) {
        int min = ctx.count("min");
        Trace t = seen(ctx);
        List<ProcessRecord> mine = Evidence.studentStarted(t);
        int workers = (int) t.processes().stream().filter(p -> p.poolWorker() && p.started()).count();
        String evidence;
        int counted;
        if (mine.isEmpty()) {
            counted = workers;
            evidence = workers + " " + pool + (workers == 1 ? "" : "s") + " started, no " + unit + " of the answer's own";
        } else {
            List<List<ProcessRecord>> attempts = ctx.flag("together") ? attempts(ctx.program(), t, mine)
                    : List.of(mine);
            List<ProcessRecord> best = attempts.get(0);
            counted = best.size();
            evidence = mine.size() + " " + (mine.size() == 1 ? unit : units) + " started by the answer";
            if (attempts.size() > 1) {
                evidence += ", at most " + counted + " together (" + cellsOf(ctx.program(), best) + "): its "
                        + attempts.size() + " cells each start and finish theirs before the next";
            }
            if (workers > 0) {
                evidence += "; the " + workers + " " + pool + (workers == 1 ? "" : "s") + " of its pool"
                        + " do not count beside them";
            }
        }
        evidence += "; at least " + min + " needed";
        return counted >= min ? ctx.pass("Enough " + units + " were started.", List.of(evidence))
                : ctx.fail("Too few " + units + " were started.", List.of(evidence));
    }

    /**
     * Group the answer's processes by the cell that started them, joining groups whose processes ran at the same
     * time; the largest group first.
     */
    private static List<List<ProcessRecord>> attempts(Program program, Trace t, List<ProcessRecord> mine) {
        Map<String, List<ProcessRecord>> byCell = new LinkedHashMap<>();
        for (ProcessRecord p : mine) {
            byCell.computeIfAbsent(program.origin(p.startLine()).file(), k -> new ArrayList<>()).add(p);
        }
        List<List<ProcessRecord>> groups = new ArrayList<>(byCell.values());
        Map<String, long[]> alive = new LinkedHashMap<>();
        for (Trace.Span s : t.timeline()) {
            if (s.kind().equals("alive")) {
                alive.put(s.lane(), new long[] {s.fromMs(), s.toMs()});
            }
        }
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            for (int i = 0; i < groups.size() && !merged; i++) {
                for (int j = i + 1; j < groups.size() && !merged; j++) {
                    if (overlap(groups.get(i), groups.get(j), alive)) {
                        groups.get(i).addAll(groups.remove(j));
                        merged = true;
                    }
                }
            }
        }
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return groups;
    }

    /** Tell whether two groups of processes ran at the same time; unknown times count as the same time. */
    private static boolean overlap(List<ProcessRecord> a, List<ProcessRecord> b, Map<String, long[]> alive) {
        for (ProcessRecord p : a) {
            for (ProcessRecord q : b) {
                long[] x = alive.get(p.name());
                long[] y = alive.get(q.name());
                if (x == null || y == null || (x[0] <= y[1] && y[0] <= x[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String cellsOf(Program program, List<ProcessRecord> group) {
        Set<String> cells = new LinkedHashSet<>();
        for (ProcessRecord p : group) {
            String where = program.origin(p.startLine()).describe();
            int comma = where.indexOf(", line ");
            cells.add(comma > 0 ? where.substring(0, comma) : "started at " + where);
        }
        return String.join(", ", cells);
    }
}

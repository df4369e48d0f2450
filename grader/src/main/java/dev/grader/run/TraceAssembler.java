package dev.grader.run;

import dev.grader.run.Trace.PoolCall;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assemble a {@link Trace} from what {@link TraceParser} gathered of the events: processes, pools, units and
 * objects with stable ids in a stable order, and the timeline.
 */
final class TraceAssembler {

    private TraceAssembler() {}

    /** Return the id each pool gets in the trace handed on, by its id in the trace file. */
    static Map<String, String> poolIds(Map<String, Pool> pools) {
        List<Map.Entry<String, Pool>> list = new ArrayList<>(pools.entrySet());
        list.sort(Comparator.comparingInt(x -> x.getValue().order));
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.put(list.get(i).getKey(), "pool-" + (i + 1));
        }
        return out;
    }

    /** Lay the run out in time: each process from start to end, each task on its worker, joins and kills. */
    static List<Trace.Span> timeline(Map<String, Proc> procs, Map<String, U> units, double first, double last) {
        List<Trace.Span> spans = new ArrayList<>();
        if (first <= 0) {
            return spans;
        }
        spans.add(new Trace.Span("main", "alive", 0, ms(last, first), "main process"));
        Map<Integer, String> laneOfPid = new HashMap<>();
        Map<String, Double> endOf = new HashMap<>();
        for (U u : units.values()) {
            if (("process".equals(u.kind) || "thread".equals(u.kind)) && u.owner != null && u.tEnd > 0) {
                endOf.merge(u.owner, u.tEnd, Math::max);
            }
        }
        for (Map.Entry<String, Proc> x : procs.entrySet()) {
            Proc p = x.getValue();
            if (p.tStart <= 0) {
                continue;
            }
            String lane = (p.poolWorker ? "worker " : "") + p.name;
            laneOfPid.put(p.pid, lane);
            double end = endOf.getOrDefault(x.getKey(), p.tJoin > 0 ? p.tJoin : last);
            spans.add(new Trace.Span(lane, "alive", ms(p.tStart, first), ms(Math.max(end, p.tStart), first),
                    p.name + (p.target.isEmpty() ? "" : " " + p.target + "()") + (p.pid > 0 ? " pid " + p.pid : "")));
            if (p.tJoin > 0) {
                spans.add(new Trace.Span(lane, "join", ms(p.tJoin, first), ms(p.tJoin, first), "joined by the parent"));
            }
            if (p.tTerminate > 0) {
                spans.add(new Trace.Span(lane, "terminate", ms(p.tTerminate, first), ms(p.tTerminate, first),
                        "terminated by the parent"));
            }
        }
        for (U u : units.values()) {
            if (!"task".equals(u.kind) || u.tStart <= 0) {
                continue;
            }
            String lane = laneOfPid.getOrDefault(u.pid, "worker pid " + u.pid);
            double end = u.tEnd > 0 ? u.tEnd : last;
            spans.add(new Trace.Span(lane, "task", ms(u.tStart, first), ms(Math.max(end, u.tStart), first),
                    u.function + "(" + u.argument + ")" + (u.finished ? "" : " (never finished)")));
        }
        return spans;
    }

    static long ms(double t, double first) {
        return Math.max(0, Math.round((t - first) * 1000));
    }

    static Trace build(Map<String, Proc> procs, Map<String, Pool> pools, Map<String, U> units, String mainOut,
            List<String> problems, List<Trace.Span> timeline) {
        List<Map.Entry<String, Proc>> procList = new ArrayList<>(procs.entrySet());
        procList.sort(Comparator.comparing((Map.Entry<String, Proc> x) -> !x.getValue().byRoot)
                .thenComparingInt(x -> x.getValue().byRoot ? x.getValue().order : 0)
                .thenComparing(x -> x.getValue().name)
                .thenComparing(x -> x.getValue().target)
                .thenComparingInt(x -> x.getValue().createdLine));
        Map<String, String> procIds = new HashMap<>();
        List<ProcessRecord> processes = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Proc> x : procList) {
            Proc p = x.getValue();
            String id = "process-" + (++n);
            procIds.put(x.getKey(), id);
            processes.add(new ProcessRecord(id, p.name, p.target, p.createdLine, p.pid, p.startLine,
                    p.joinLine, p.terminateLine, p.poolWorker, p.exitCode, p.thread));
        }
        List<Pool> poolList = new ArrayList<>(pools.values());
        poolList.sort(Comparator.comparingInt(p -> p.order));
        List<PoolRecord> poolRecords = new ArrayList<>();
        n = 0;
        for (Pool p : poolList) {
            poolRecords.add(new PoolRecord("pool-" + (++n), p.kind, p.line, p.size, p.workers, p.calls, p.close,
                    p.join, p.terminate, p.exit, p.shutdown, p.threads));
        }
        List<U> process = new ArrayList<>();
        List<U> tasks = new ArrayList<>();
        for (U u : units.values()) {
            if (u.kind == null) {
                continue;
            }
            (u.kind.equals("process") || u.kind.equals("thread") ? process : tasks).add(u);
        }
        List<String> procOrder = processes.stream().map(ProcessRecord::id).toList();
        process.sort(Comparator.comparingInt((U u) -> {
            String id = u.owner == null ? null : procIds.get(u.owner);
            return id == null ? Integer.MAX_VALUE : procOrder.indexOf(id);
        }).thenComparing(u -> u.function).thenComparing(u -> u.argument).thenComparing(u -> u.stdout.toString()));
        // which worker ran which task changes from run to run: order tasks by what they are, not by pid
        tasks.sort(Comparator.comparing((U u) -> u.function).thenComparing(u -> u.argument)
                .thenComparing(u -> u.stdout.toString()).thenComparing(u -> u.error == null ? "" : u.error));
        List<Unit> out = new ArrayList<>();
        for (U u : process) {
            String owner = u.owner == null ? null : procIds.get(u.owner);
            out.add(new Unit(owner == null ? "process-?" : owner, u.kind, u.pid, owner, u.function, u.argument,
                    u.stdout.toString(), u.stderr.toString(), u.error, u.finished, u.kind.equals("thread")));
        }
        n = 0;
        for (U u : tasks) {
            // a task in the main process ran on a pool of its threads
            out.add(new Unit("task-" + (++n), "task", u.pid, null, u.function, u.argument, u.stdout.toString(),
                    u.stderr.toString(), u.error, u.finished, u.inRoot));
        }
        return new Trace(processes, poolRecords, out, mainOut, problems, timeline);
    }

    static final class Proc {
        double tNew;
        double tStart;
        double tJoin;
        double tTerminate;
        String name = "";
        String target = "";
        int createdLine;
        int pid;
        int startLine;
        int joinLine;
        int terminateLine;
        boolean poolWorker;
        boolean thread;
        boolean byRoot;
        int order = Integer.MAX_VALUE;
        Integer exitCode;
    }

    static final class Pool {
        String kind = "Pool";
        int line;
        int size;
        int order = Integer.MAX_VALUE;
        boolean threads;
        final List<Integer> workers = new ArrayList<>();
        final List<PoolCall> calls = new ArrayList<>();
        int close;
        int join;
        int terminate;
        int exit;
        int shutdown;
    }

    static final class U {
        double tStart;
        double tEnd;
        String kind;
        int pid;
        boolean inRoot;
        String owner;
        String function = "";
        String argument = "";
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();
        String error;
        boolean finished;
    }

    static final class Obj {
        String kind = "";
        int line;
        int order = Integer.MAX_VALUE;
        final Map<String, Integer> uses = new LinkedHashMap<>();
        final Set<String> capped = new HashSet<>();
    }

    /** Order objects as the student made them and their uses by line, with stable ids. */
    static List<Trace.ObjectRecord> objects(Map<String, Obj> objects) {
        List<Obj> list = new ArrayList<>(objects.values());
        list.removeIf(o -> o.kind.isEmpty());
        list.sort(Comparator.comparingInt((Obj o) -> o.order));
        List<Trace.ObjectRecord> out = new ArrayList<>();
        int n = 0;
        for (Obj o : list) {
            List<Trace.ObjectUse> uses = new ArrayList<>();
            o.uses.forEach((key, count) -> {
                int cut = key.lastIndexOf('\n');
                uses.add(new Trace.ObjectUse(key.substring(0, cut), TraceParser.parseInt(key.substring(cut + 1)), count,
                        o.capped.contains(key)));
            });
            uses.sort(Comparator.comparingInt(Trace.ObjectUse::line).thenComparing(Trace.ObjectUse::method));
            out.add(new Trace.ObjectRecord("object-" + (++n), o.kind, o.line, uses));
        }
        return out;
    }

    /** Order the calls by line and name. */
    static List<Trace.Call> calls(Map<String, Integer> calls) {
        List<Trace.Call> out = new ArrayList<>();
        calls.forEach((key, count) -> {
            String[] parts = key.split("\n", 3);
            out.add(new Trace.Call(parts[0], parts[1], TraceParser.parseInt(parts[2]), count));
        });
        out.sort(Comparator.comparingInt(Trace.Call::line).thenComparing(Trace.Call::name));
        return out;
    }
}

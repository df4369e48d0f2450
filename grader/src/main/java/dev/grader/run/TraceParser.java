package dev.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grader.run.Trace.PoolCall;
import dev.grader.run.Trace.PoolRecord;
import dev.grader.run.Trace.ProcessRecord;
import dev.grader.run.Trace.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turn the tracer's JSON lines into a {@link Trace}.
 *
 * <p>Ids in the trace file carry pids, which change from run to run; the trace handed on uses ids made
 * from the order things were created in and from what they did, so the same program gives the same
 * trace. A line that cannot be read becomes a problem on the trace, never an exception.
 */
public final class TraceParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROBLEMS = 20;

    private TraceParser() {}

    /**
     * Read a trace.
     *
     * @param text the trace file's content
     * @param rootPid pid of the program's main process, to tell its own output from its children's
     * @return the trace
     */
    public static Trace parse(String text, long rootPid) {
        return parse(text, rootPid, null);
    }

    /**
     * Read a trace whose lines the tracer signed: each line is an HMAC-SHA256 (hex, 32 digits) of the event
     * under the run's key, a space, and the event. Lines without a valid signature were written by the program,
     * not the tracer, and are left out.
     *
     * @param text the trace file's content
     * @param rootPid pid of the program's main process
     * @param key the run's key, or {@code null} to accept unsigned lines
     * @return the trace
     */
    public static Trace parse(String text, long rootPid, String key) {
        Mac mac = key == null ? null : mac(key);
        int forged = 0;
        double first = 0;
        double last = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Proc> procs = new LinkedHashMap<>();
        Map<String, Pool> pools = new LinkedHashMap<>();
        Map<String, U> units = new LinkedHashMap<>();
        Map<String, Obj> objects = new LinkedHashMap<>();
        Map<String, Integer> calls = new LinkedHashMap<>();
        StringBuilder mainOut = new StringBuilder();
        List<StackDump> stacks = new ArrayList<>();
        List<Trace.TestOutcome> tests = new ArrayList<>();
        List<Integer> runCalls = new ArrayList<>();
        Trace.KeptAlive keptAlive = null;
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            boolean signedShape = space == 32 && line.substring(0, 32).matches("[0-9a-f]{32}");
            if (mac != null) {
                if (!signedShape || !HexFormat.of().formatHex(mac.doFinal(line.substring(33)
                        .getBytes(StandardCharsets.UTF_8))).substring(0, 32).equals(line.substring(0, 32))) {
                    forged++;
                    continue;
                }
            }
            if (signedShape) {
                line = line.substring(33);
            }
            JsonNode e;
            try {
                e = JSON.readTree(line);
            } catch (IOException ex) {
                problem(problems, "trace line " + lineNo + " is not JSON (" + shorten(line) + ")");
                continue;
            }
            if (e == null || !e.isObject()) {
                problem(problems, "trace line " + lineNo + " is not an event");
                continue;
            }
            String ev = e.path("ev").asText("");
            long pid = e.path("pid").asLong();
            boolean root = pid == rootPid || e.path("main").asBoolean();
            double t = e.path("t").asDouble(0);
            if (t > 0) {
                first = first == 0 ? t : Math.min(first, t);
                last = Math.max(last, t);
            }
            String id = e.path("id").asText("");
            switch (ev) {
                case "proc_new" -> {
                    Proc p = procs.computeIfAbsent(id, k -> new Proc());
                    p.name = e.path("name").asText("");
                    p.target = e.path("target").asText("");
                    p.createdLine = e.path("line").asInt();
                    p.poolWorker = e.path("pool_worker").asBoolean();
                    p.thread = e.path("thread").asBoolean();
                    p.byRoot = root;
                    p.order = lineNo;
                    p.tNew = t;
                }
                case "proc_start" -> {
                    Proc p = procs.computeIfAbsent(id, k -> new Proc());
                    p.pid = e.path("child").asInt();
                    p.tStart = t;
                    if (e.path("explicit").asBoolean() && p.startLine == 0) {
                        p.startLine = nonZero(e.path("line").asInt());
                    }
                    p.poolWorker = p.poolWorker || e.path("pool_worker").asBoolean();
                    if (e.hasNonNull("name")) {
                        p.name = e.path("name").asText();
                    }
                }
                case "proc_join" -> {
                    Proc p = procs.computeIfAbsent(id, k -> new Proc());
                    if (p.joinLine == 0) {
                        p.tJoin = t;
                        p.joinLine = nonZero(e.path("line").asInt());
                    }
                    if (e.hasNonNull("exitcode")) {
                        p.exitCode = e.path("exitcode").asInt();
                    }
                }
                case "proc_terminate" -> {
                    Proc p = procs.computeIfAbsent(id, k -> new Proc());
                    if (p.terminateLine == 0) {
                        p.tTerminate = t;
                        p.terminateLine = nonZero(e.path("line").asInt());
                    }
                }
                case "pool_new" -> {
                    Pool p = pools.computeIfAbsent(id, k -> new Pool());
                    p.kind = e.path("kind").asText("Pool");
                    p.line = e.path("line").asInt();
                    p.size = e.path("size").asInt();
                    p.threads = e.path("threads").asBoolean();
                    p.order = lineNo;
                    for (JsonNode w : e.path("workers")) {
                        p.workers.add(w.asInt());
                    }
                }
                case "pool_call" -> pools.computeIfAbsent(id, k -> new Pool()).calls.add(
                        new PoolCall(e.path("method").asText(""), e.path("func").asText(""), e.path("line").asInt()));
                case "pool_close" -> pools.computeIfAbsent(id, k -> new Pool()).close = first(pools.get(id).close, e);
                case "pool_join" -> pools.computeIfAbsent(id, k -> new Pool()).join = first(pools.get(id).join, e);
                case "pool_terminate" -> pools.computeIfAbsent(id, k -> new Pool()).terminate =
                        first(pools.get(id).terminate, e);
                case "pool_exit" -> pools.computeIfAbsent(id, k -> new Pool()).exit = first(pools.get(id).exit, e);
                case "pool_shutdown" -> pools.computeIfAbsent(id, k -> new Pool()).shutdown =
                        first(pools.get(id).shutdown, e);
                case "unit_start" -> {
                    U u = units.computeIfAbsent(e.path("unit").asText(""), k -> new U());
                    u.kind = e.path("kind").asText("task");
                    u.pid = (int) pid;
                    u.inRoot = root;
                    u.owner = e.path("owner").isNull() ? null : e.path("owner").asText(null);
                    u.function = e.path("func").asText("");
                    u.argument = e.path("args").asText("");
                    u.tStart = t;

                }
                case "unit_end" -> {
                    U u = units.computeIfAbsent(e.path("unit").asText(""), k -> new U());
                    u.finished = true;
                    u.tEnd = t;
                    u.error = e.path("error").isNull() ? null : e.path("error").asText(null);
                }
                case "out" -> {
                    String unit = e.path("unit").isNull() ? null : e.path("unit").asText(null);
                    boolean stdout = "stdout".equals(e.path("stream").asText());
                    String piece = e.path("text").asText("");
                    if (unit != null) {
                        U u = units.computeIfAbsent(unit, k -> new U());
                        (stdout ? u.stdout : u.stderr).append(piece);
                    } else if (root && stdout) {
                        mainOut.append(piece);
                    }
                }
                case "proc_run_called" -> runCalls.add(nonZero(e.path("line").asInt()));
                case "call" -> calls.merge(e.path("function").asText("") + "\n" + e.path("name").asText("") + "\n"
                        + e.path("line").asInt(), 1, Integer::sum);
                case "obj_new" -> {
                    Obj o = objects.computeIfAbsent(id, k -> new Obj());
                    o.kind = e.path("kind").asText("");
                    o.line = e.path("line").asInt();
                    o.order = lineNo;
                }
                case "obj_use" -> {
                    Obj o = objects.computeIfAbsent(id, k -> new Obj());
                    String use = e.path("method").asText("") + "\n" + e.path("line").asInt();
                    o.uses.merge(use, 1, Integer::sum);
                    if (e.path("capped").asBoolean()) {
                        o.capped.add(use);
                    }
                }
                case "kept_alive" -> keptAlive = new Trace.KeptAlive(texts(e.path("pools")), texts(e.path("threads")));
                case "stack" -> {
                    List<StackDump.Frame> frames = new ArrayList<>();
                    for (String f : texts(e.path("frames"))) {
                        String[] parts = f.split("\\|", 3);
                        if (parts.length == 3) {
                            frames.add(new StackDump.Frame(parts[0], parseInt(parts[1]), parts[2]));
                        }
                    }
                    stacks.add(new StackDump(e.path("tid").asLong(), frames, e.path("thread").asText(""),
                            e.path("state").asText("")));
                }
                case "test" -> tests.add(new Trace.TestOutcome(e.path("name").asText(""), e.path("display").asText(""),
                        e.path("status").asText(""), e.path("message").isNull() ? null : e.path("message").asText(null),
                        e.path("seal").asText(null)));
                default -> problem(problems, "trace line " + lineNo + " has an unknown event '" + shorten(ev) + "'");
            }
        }
        if (forged > 0) {
            problems.add(0, forged + " trace line" + (forged == 1 ? " was" : "s were")
                    + " not written by the grader's tracer and " + (forged == 1 ? "was" : "were") + " ignored");
        }
        Trace t = build(procs, pools, units, mainOut.toString(), problems, timeline(procs, units, first, last));
        if (keptAlive != null) {
            List<String> ids = new ArrayList<>();
            for (String raw : keptAlive.pools()) {
                String id = poolIds(pools).get(raw);
                if (id != null) {
                    ids.add(id);
                }
            }
            keptAlive = new Trace.KeptAlive(ids, keptAlive.threads());
        }
        // threads come in no particular order: main first, then by name, so reports are the same run to run
        stacks.sort(Comparator.comparing((StackDump d) -> !d.thread().equals("main")).thenComparing(StackDump::thread)
                .thenComparingLong(StackDump::pid));
        return new Trace(t.processes(), t.pools(), t.units(), t.mainOutput(), t.problems(), t.timeline(), stacks,
                keptAlive, tests, runCalls, objects(objects), calls(calls));
    }

    /** Return the id each pool gets in the trace handed on, by its id in the trace file. */
    private static Map<String, String> poolIds(Map<String, Pool> pools) {
        List<Map.Entry<String, Pool>> list = new ArrayList<>(pools.entrySet());
        list.sort(Comparator.comparingInt(x -> x.getValue().order));
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            out.put(list.get(i).getKey(), "pool-" + (i + 1));
        }
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.asText(""));
        }
        return out;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Lay the run out in time: each process from start to end, each task on its worker, joins and kills. */
    private static List<Trace.Span> timeline(Map<String, Proc> procs, Map<String, U> units, double first, double last) {
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

    private static long ms(double t, double first) {
        return Math.max(0, Math.round((t - first) * 1000));
    }

    private static Trace build(Map<String, Proc> procs, Map<String, Pool> pools, Map<String, U> units, String mainOut,
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

    private static int first(int current, JsonNode e) {
        return current != 0 ? current : nonZero(e.path("line").asInt());
    }

    /** Keep "it happened" even when the line is unknown: -1 is a call from outside the program's file. */
    private static int nonZero(int line) {
        return line == 0 ? -1 : line;
    }

    private static Mac mac(String key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void problem(List<String> problems, String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static final class Proc {
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

    private static final class Pool {
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

    private static final class U {
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

    private static final class Obj {
        String kind = "";
        int line;
        int order = Integer.MAX_VALUE;
        final Map<String, Integer> uses = new LinkedHashMap<>();
        final Set<String> capped = new HashSet<>();
    }

    /** Order objects as the student made them and their uses by line, with stable ids. */
    private static List<Trace.ObjectRecord> objects(Map<String, Obj> objects) {
        List<Obj> list = new ArrayList<>(objects.values());
        list.removeIf(o -> o.kind.isEmpty());
        list.sort(Comparator.comparingInt((Obj o) -> o.order));
        List<Trace.ObjectRecord> out = new ArrayList<>();
        int n = 0;
        for (Obj o : list) {
            List<Trace.ObjectUse> uses = new ArrayList<>();
            o.uses.forEach((key, count) -> {
                int cut = key.lastIndexOf('\n');
                uses.add(new Trace.ObjectUse(key.substring(0, cut), parseInt(key.substring(cut + 1)), count,
                        o.capped.contains(key)));
            });
            uses.sort(Comparator.comparingInt(Trace.ObjectUse::line).thenComparing(Trace.ObjectUse::method));
            out.add(new Trace.ObjectRecord("object-" + (++n), o.kind, o.line, uses));
        }
        return out;
    }

    /** Order the calls by line and name. */
    private static List<Trace.Call> calls(Map<String, Integer> calls) {
        List<Trace.Call> out = new ArrayList<>();
        calls.forEach((key, count) -> {
            String[] parts = key.split("\n", 3);
            out.add(new Trace.Call(parts[0], parts[1], parseInt(parts[2]), count));
        });
        out.sort(Comparator.comparingInt(Trace.Call::line).thenComparing(Trace.Call::name));
        return out;
    }
}

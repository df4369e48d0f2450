package dev.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grader.run.Trace.PoolCall;
import dev.grader.run.TraceAssembler.Obj;
import dev.grader.run.TraceAssembler.Pool;
import dev.grader.run.TraceAssembler.Proc;
import dev.grader.run.TraceAssembler.U;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
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
    private static final int MAX_MAIN_ERRORS = 64 << 10;

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
        StringBuilder mainErr = new StringBuilder();
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
                    } else if (root && mainErr.length() < MAX_MAIN_ERRORS) {
                        mainErr.append(piece);
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
        Trace t = TraceAssembler.build(procs, pools, units, mainOut.toString(), problems,
                TraceAssembler.timeline(procs, units, first, last));
        if (keptAlive != null) {
            List<String> ids = new ArrayList<>();
            for (String raw : keptAlive.pools()) {
                String id = TraceAssembler.poolIds(pools).get(raw);
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
                keptAlive, tests, runCalls, TraceAssembler.objects(objects), TraceAssembler.calls(calls),
                mainErr.toString());
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.asText(""));
        }
        return out;
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
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

}

package dev.grader.judge.checks;

import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.run.Trace.ObjectRecord;
import dev.grader.run.Trace.ObjectUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decide whether the answer made a communication or synchronisation object and used it: each of the object's
 * methods that make it useful (a queue's put and get, a lock's acquire and release) called at least {@code min}
 * times by the answer's code, on one object. {@code uses}, {@code queue_used}, {@code lock_used}.
 */
abstract class UsesBase implements CheckType {

    /** What counts as using each object by default: both ends of it. */
    static final Map<String, List<String>> USES = uses();

    /** The objects a family name stands for: a Queue may be any queue, a Lock an RLock too. */
    private static final Map<String, Set<String>> FAMILIES = Map.of(
            "Queue", Set.of("Queue", "JoinableQueue", "SimpleQueue", "LifoQueue", "PriorityQueue"),
            "Lock", Set.of("Lock", "RLock"),
            "Semaphore", Set.of("Semaphore", "BoundedSemaphore"),
            "Value", Set.of("Value", "RawValue"),
            "Array", Set.of("Array", "RawArray"));

    private static Map<String, List<String>> uses() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String q : List.of("Queue", "JoinableQueue", "SimpleQueue", "LifoQueue", "PriorityQueue")) {
            m.put(q, List.of("put", "get"));
        }
        for (String l : List.of("Lock", "RLock", "Semaphore", "BoundedSemaphore")) {
            m.put(l, List.of("acquire", "release"));
        }
        m.put("Condition", List.of("wait", "notify"));
        m.put("Event", List.of("set", "wait"));
        m.put("Barrier", List.of("wait"));
        m.put("Pipe", List.of("send", "recv"));
        m.put("Value", List.of("value"));
        m.put("Array", List.of("item"));
        m.put("RawValue", List.of());
        m.put("RawArray", List.of());
        m.put("Manager", List.of());
        m.put("SharedMemory", List.of("buf"));
        m.put("ShareableList", List.of("item"));
        return Map.copyOf(m);
    }

    /** Return every method name the tracer records a use of. */
    static Set<String> methods() {
        Set<String> all = new TreeSet<>(List.of("put", "get", "task_done", "join", "acquire", "release", "wait",
                "wait_for", "notify", "notify_all", "set", "clear", "is_set", "send", "recv", "value", "item",
                "get_lock", "buf"));
        USES.values().forEach(all::addAll);
        return all;
    }

    /**
     * Decide on the objects of one kind (or family).
     *
     * @param object the kind: {@code Queue}
     * @param methods the methods each of which must be called, or empty for the kind's own pair
     * @param min how many calls of each
     */
    CheckResult decide(CheckContext ctx, String object, List<String> methods, int min) {
        Set<String> kinds = FAMILIES.getOrDefault(object, Set.of(object));
        List<ObjectRecord> made = ctx.trace().objects().stream().filter(o -> kinds.contains(o.kind())).toList();
        if (made.isEmpty()) {
            return ctx.fail("No " + object + " was made.", List.of("no " + object + " was made by the answer's code"));
        }
        List<String> evidence = new ArrayList<>();
        boolean any = false;
        for (ObjectRecord o : made) {
            List<String> needed = methods.isEmpty() ? USES.getOrDefault(o.kind(), List.of()) : methods;
            List<String> missing = new ArrayList<>();
            for (String m : needed) {
                if (count(o, m) < min) {
                    missing.add(m + "()" + (min > 1 ? " " + min + " times" : ""));
                }
            }
            any |= missing.isEmpty();
            evidence.add(describe(ctx, o) + (missing.isEmpty() ? "" : "; never " + String.join(" nor ", missing)));
        }
        return any ? ctx.pass("The " + object + " was used.", evidence)
                : ctx.fail("A " + object + " was made but not used both ways.", evidence);
    }

    /** Count the calls of a method; notify_all counts as notify, wait_for as wait. */
    private static int count(ObjectRecord o, String method) {
        int n = o.count(method);
        if (method.equals("notify")) {
            n += o.count("notify_all");
        } else if (method.equals("wait")) {
            n += o.count("wait_for");
        }
        return n;
    }

    /** Say where an object was made and how it was used: "Queue made at line 3: put at line 7 (3 times)". */
    private static String describe(CheckContext ctx, ObjectRecord o) {
        List<String> uses = new ArrayList<>();
        for (ObjectUse u : o.uses()) {
            uses.add(u.method() + " at " + ctx.at(u.line()) + (u.more() ? " (" + u.count() + " times or more)"
                    : u.count() == 1 ? "" : " (" + u.count() + " times)"));
        }
        return o.kind() + " made at " + ctx.at(o.line()) + (uses.isEmpty() ? ", never used" : ": "
                + String.join(", ", uses));
    }
}

package dev.grader.analyse.python;

import dev.grader.analyse.python.Evaluator.Ctx;
import dev.grader.analyse.python.Model.Kind;
import dev.grader.analyse.python.Model.ModuleVal;
import dev.grader.analyse.python.Model.Obj;
import dev.grader.analyse.python.Model.ObjRef;
import dev.grader.analyse.python.Model.Val;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Model what the concurrency library does when the evaluated program calls it: the classes that make processes,
 * threads, pools and executors, and what their methods do to them (start, join, close, hand work over).
 */
final class LibraryModel {

    private static final Set<String> POOL_CLASSES = Set.of("multiprocessing.Pool", "multiprocessing.pool.Pool",
            "multiprocessing.context.Pool");
    private static final Set<String> THREAD_POOL_CLASSES = Set.of("multiprocessing.pool.ThreadPool",
            "multiprocessing.dummy.Pool");
    private static final Set<String> EXECUTOR_CLASSES = Set.of("concurrent.futures.ProcessPoolExecutor",
            "concurrent.futures.process.ProcessPoolExecutor");
    private static final Set<String> POOL_WORK = Set.of("map", "map_async", "imap", "imap_unordered", "starmap",
            "starmap_async", "apply", "apply_async");

    private final Evaluator ev;

    LibraryModel(Evaluator ev) {
        this.ev = ev;
    }

    /** Say what calling a function or class of the library, by its qualified name, makes. */
    Set<Val> qualified(String name, PyNode e, List<Set<Val>> args, Map<String, Set<Val>> kw, Ctx c) {
        boolean dummyProcess = name.equals("multiprocessing.dummy.Process");
        boolean thread = Evaluator.THREAD_CLASSES.contains(name);
        if (Evaluator.PROCESS_CLASSES.contains(name) || dummyProcess || thread) {
            ev.escapeAll(args, kw);
            Obj o = ev.create(Kind.PROCESS, e, c, dummyProcess || thread, thread ? "Thread" : "Process");
            PyNode target = e.keyword("target") != null ? e.keyword("target") : Evaluator.arg(e, 1);
            PyNode argsNode = e.keyword("args") != null ? e.keyword("args") : Evaluator.arg(e, 2);
            ev.site("Process", e, target, Evaluator.value(args, kw, "target", 1), argsNode, Evaluator.value(args, kw, "args", 2), c,
                    dummyProcess || thread);
            PyNode daemon = e.keyword("daemon");
            if (daemon != null && daemon.is("Constant") && Boolean.TRUE.equals(daemon.value("value"))) {
                o.daemon = true;
            }
            return Set.of(new ObjRef(o, true));
        }
        if (POOL_CLASSES.contains(name) || THREAD_POOL_CLASSES.contains(name)) {
            ev.escapeAll(args, kw);
            return Set.of(new ObjRef(ev.create(Kind.POOL, e, c, THREAD_POOL_CLASSES.contains(name), "Pool"), true));
        }
        if (EXECUTOR_CLASSES.contains(name)) {
            ev.escapeAll(args, kw);
            return Set.of(new ObjRef(ev.create(Kind.EXECUTOR, e, c, false, "ProcessPoolExecutor"), true));
        }
        if (name.equals("multiprocessing.get_context") || name.equals("multiprocessing.context.get_context")) {
            return Set.of(new ModuleVal("multiprocessing"));
        }
        ev.escapeAll(args, kw);
        return Set.of();
    }

    /** Say what calling a method of a process, pool, executor or pending result does. */
    Set<Val> method(ObjRef r, String name, PyNode e, List<Set<Val>> args, Map<String, Set<Val>> kw, Ctx c) {
        Obj o = r.obj();
        switch (o.kind) {
            case PROCESS -> {
                switch (name) {
                    case "start" -> ev.event(r, "start", name, e, c);
                    case "join" -> ev.event(r, "join", name, e, c);
                    case "terminate", "kill" -> ev.event(r, "terminate", name, e, c);
                    case "run" -> ev.event(r, "run", name, e, c);
                    default -> ev.escapeAll(args, kw);
                }
            }
            case POOL -> {
                switch (name) {
                    case "close" -> ev.event(r, "close", name, e, c);
                    case "terminate" -> ev.event(r, "terminate", name, e, c);
                    case "join" -> ev.event(r, "join", name, e, c);
                    case "__enter__" -> {
                        return Set.of(r);
                    }
                    default -> {
                        if (POOL_WORK.contains(name)) {
                            ev.event(r, "use", name, e, c);
                            PyNode fn = e.keyword("func") != null ? e.keyword("func") : Evaluator.arg(e, 0);
                            PyNode argsNode = null;
                            Set<Val> argValues = null;
                            if (name.startsWith("apply")) {
                                argsNode = e.keyword("args") != null ? e.keyword("args") : Evaluator.arg(e, 1);
                                argValues = Evaluator.value(args, kw, "args", 1);
                            }
                            ev.site("Pool." + name, e, fn, Evaluator.value(args, kw, "func", 0), argsNode, argValues, c,
                                    o.threads);
                            ev.escapeAll(args, kw);
                            if (name.endsWith("_async")) {
                                Obj result = ev.create(Kind.ASYNC_RESULT, e, c, o.threads, name);
                                result.errorCallback = e.keyword("error_callback") != null;
                                result.callback = e.keyword("callback") != null;
                                return Set.of(new ObjRef(result, true));
                            }
                        } else {
                            ev.escapeAll(args, kw);
                        }
                    }
                }
            }
            case EXECUTOR -> {
                switch (name) {
                    case "shutdown" -> ev.event(r, "shutdown", name, e, c);
                    case "submit", "map" -> {
                        ev.event(r, "use", name, e, c);
                        ev.site("Executor." + name, e, Evaluator.arg(e, 0), Evaluator.value(args, kw, "fn", 0), null, null, c, false);
                        ev.escapeAll(args, kw);
                        if (name.equals("submit")) {
                            return Set.of(new ObjRef(ev.create(Kind.ASYNC_RESULT, e, c, false, name), true));
                        }
                    }
                    case "__enter__" -> {
                        return Set.of(r);
                    }
                    default -> ev.escapeAll(args, kw);
                }
            }
            case ASYNC_RESULT -> {
                switch (name) {
                    case "get", "result", "exception", "successful", "add_done_callback" ->
                            ev.event(r, "fetch", name, e, c);
                    default -> ev.escapeAll(args, kw);
                }
            }
            default -> ev.escapeAll(args, kw);
        }
        return Set.of();
    }
}

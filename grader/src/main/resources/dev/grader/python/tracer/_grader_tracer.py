"""Trace multiprocessing activity of a graded program: processes, pools, units of work and their output.

See sitecustomize.py. Every patched method returns what the original returns and raises what it
raises; tracing failures are swallowed. Loading this module imports only built-in modules: every
process of every run pays for it, and most of what it needs (json, re, functools) is imported on
first use, by then usually loaded by multiprocessing itself.
"""
import os
import sys
import time
from _thread import get_ident as _get_ident

_MAIN = ""
_TRACE = ""
_FD = None
_FD_PID = None
_SEQ = [0]
# the unit of work each thread runs, by thread: what a thread prints is its unit's
_UNITS = {}
_OUT_BYTES = [0]
_OUT_CAP = 256 * 1024
_TEXT_CAP = 4096
_PATCHED = set()
_PKG_DIRS = ()
_ROOT_PID = -1
_STACK_FILE = [None]
_HERE = os.path.abspath(__file__)
_WANTED = ("multiprocessing.util", "multiprocessing.context", "multiprocessing.process", "multiprocessing.pool",
           "concurrent.futures.process")
# threads, thread pools and the objects threads and processes share: patched by _grader_sync
_SYNC = ("threading", "queue", "concurrent.futures.thread", "multiprocessing.queues", "multiprocessing.synchronize",
         "multiprocessing.connection", "multiprocessing.sharedctypes", "multiprocessing.managers",
         "multiprocessing.shared_memory")


def install(trace, main):
    global _TRACE, _MAIN, _ROOT_PID
    _TRACE = trace
    _MAIN = os.path.abspath(main) if main else ""
    sys.meta_path.insert(0, _Finder())
    # a module loaded before the tracer (threading, by a .pth file on some installations) is patched now, or for
    # threading on the first call that makes a thread or an object: most programs never make one
    for name in _SYNC:
        module = sys.modules.get(name)
        if module is not None:
            try:
                if name == "threading":
                    _patch_on_first_use(name, module, _THREADING_ENTRIES)
                else:
                    _patch(name, module)
            except Exception:
                pass
    _register_stack_dump()
    try:
        os.register_at_fork(after_in_child=_register_stack_dump)
    except Exception:
        pass
    if "--multiprocessing-fork" in sys.argv or _spawned_child():
        _install_tee()
    else:
        # pids inside a sandbox's pid namespace are not the grader's: the main process says it is the main one
        _ROOT_PID = os.getpid()


_THREADING_ENTRIES = (("Thread", "__init__"), (None, "Lock"), (None, "RLock"), ("Semaphore", "__init__"),
                      ("BoundedSemaphore", "__init__"), ("Event", "__init__"), ("Condition", "__init__"),
                      ("Barrier", "__init__"), (None, "active_count"), (None, "activeCount"),
                      (None, "current_thread"), (None, "currentThread"), (None, "enumerate"), (None, "main_thread"),
                      (None, "get_ident"), (None, "get_native_id"))


def _patch_on_first_use(name, module, entries):
    """Stand in for a module's entry points until one is called; then patch the module and make that call."""
    saved = []
    done = []

    def load():
        if not done:
            done.append(True)
            for owner, attr, original in saved:
                setattr(owner, attr, original)
            _patch(name, module)

    def make(owner, attr):
        def trampoline(*args, **kwargs):
            load()
            return getattr(owner, attr)(*args, **kwargs)
        return trampoline

    for cls_name, attr in entries:
        owner = getattr(module, cls_name, None) if cls_name else module
        original = owner.__dict__.get(attr) if isinstance(owner, type) else getattr(owner, attr, None)
        if original is None:
            continue
        saved.append((owner, attr, original))
        setattr(owner, attr, make(owner, attr))


def _register_stack_dump():
    # At a timeout the grader sends SIGUSR1 to every process of the run: each writes where it is blocked.
    try:
        import faulthandler
        import _signal
        path = os.path.join(os.path.dirname(_TRACE), "stack-%d.txt" % os.getpid())
        _STACK_FILE[0] = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        faulthandler.register(_signal.SIGUSR1, file=_STACK_FILE[0], all_threads=True, chain=False)
    except Exception:
        pass


def _spawned_child():
    try:
        return any("multiprocessing" in a and ("spawn_main" in a or "forkserver" in a) for a in sys.orig_argv)
    except Exception:
        return False


def _emit(ev, **fields):
    global _FD, _FD_PID
    try:
        pid = os.getpid()
        if _FD is None or _FD_PID != pid:
            _FD = os.open(_TRACE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            _FD_PID = pid
        fields["ev"] = ev
        fields["pid"] = pid
        fields["ppid"] = os.getppid()
        if pid == _ROOT_PID:
            fields["main"] = True
        fields["t"] = round(time.time(), 6)
        _SEQ[0] += 1
        fields["seq"] = _SEQ[0]
        line = _json(fields).encode("ascii")
        os.write(_FD, _sign(line) + b" " + line + b"\n")
    except Exception:
        pass


def _json(value):
    # The json package costs each run a few milliseconds to import; events hold only these plain types.
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join([_json(v) for v in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([_quote(str(k)) + ": " + _json(v) for k, v in value.items()]) + "}"
    raise TypeError("not an event value: %r" % type(value))


_QUOTE = []


def _quote(text):
    # loaded on the first event: a program that never touches multiprocessing loads nothing for the tracer
    if not _QUOTE:
        try:
            from _json import encode_basestring_ascii as quote
        except ImportError:
            import json
            quote = json.dumps
        _QUOTE.append(quote)
    return _QUOTE[0](text)


def _sha256():
    # The built-in hash, not hashlib's: loading OpenSSL costs every process several milliseconds.
    for name in ("_sha256", "_sha2"):
        try:
            return __import__(name).sha256
        except (ImportError, AttributeError):
            pass
    import hashlib
    return hashlib.sha256


def _signer(key):
    # The key lives only in this closure: not in the environment, not in a module global.
    secret = key.encode("ascii")
    states = []

    def sign(line):
        if not states:
            # HMAC-SHA256 (RFC 2104), the padded key's two hash states computed once, on the first event
            sha256 = _sha256()
            padded = (sha256(secret).digest() if len(secret) > 64 else secret).ljust(64, b"\0")
            states.append((sha256(bytes(b ^ 0x36 for b in padded)), sha256(bytes(b ^ 0x5C for b in padded))))
        inner, outer = states[0]
        i = inner.copy()
        i.update(line)
        o = outer.copy()
        o.update(i.digest())
        return o.hexdigest()[:32].encode("ascii")

    def lend(spawn):
        # A child started by exec (spawn, forkserver) needs the key to sign: lend it for that call only.
        import functools

        @functools.wraps(spawn)
        def spawnv_passfds(*args, **kwargs):
            os.environ[_KEY_VAR] = key
            try:
                return spawn(*args, **kwargs)
            finally:
                os.environ.pop(_KEY_VAR, None)
        return spawnv_passfds

    return sign, lend


_KEY_VAR = "GRADER_TRACE_KEY"
_sign, _lend = _signer(os.environ.pop(_KEY_VAR, ""))


def _student_line(start=2):
    try:
        f = sys._getframe(start)
        while f is not None:
            if f.f_code.co_filename == _MAIN:
                return f.f_lineno
            f = f.f_back
    except Exception:
        pass
    return 0


def _internal_caller(depth=2):
    """Tell a call made by multiprocessing itself (its exit join, Pool.__exit__) from the student's."""
    try:
        f = sys._getframe(depth)
        name = os.path.abspath(f.f_code.co_filename)
        if name == _HERE:
            return True
        for d in _pkg_dirs():
            if name.startswith(d):
                return True
    except Exception:
        pass
    return False


def _pkg_dirs():
    global _PKG_DIRS
    if not _PKG_DIRS:
        dirs = []
        for mod in ("multiprocessing", "concurrent"):
            m = sys.modules.get(mod)
            if m is not None and getattr(m, "__file__", None):
                dirs.append(os.path.dirname(os.path.abspath(m.__file__)) + os.sep)
        _PKG_DIRS = tuple(dirs)
    return _PKG_DIRS


def _qualname(obj):
    try:
        import functools
        if isinstance(obj, functools.partial):
            return _qualname(obj.func)
        mod = getattr(obj, "__module__", None) or ""
        name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or type(obj).__name__
        return (mod + "." + name) if mod and mod not in ("__main__", "__mp_main__") else name
    except Exception:
        return "?"


def _args_text(args, kwds=None, cap=200):
    try:
        parts = [_short(a, cap) for a in args]
        parts += ["%s=%s" % (k, _short(v, cap)) for k, v in (kwds or {}).items()]
        text = ", ".join(parts)
    except Exception:
        text = "?"
    return text if len(text) <= cap else text[:cap] + "..."


def _short(value, cap=200):
    try:
        text = repr(value)
    except Exception:
        text = "<unprintable>"
    # memory addresses change from run to run; reports must not
    if " at 0x" in text:
        import re
        text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)
    return text if len(text) <= cap else text[:cap] + "..."


# ---------------------------------------------------------------- output


class _Tee(object):
    """Stand in for sys.stdout or sys.stderr: pass every write through, and record it."""

    def __init__(self, inner, stream):
        object.__setattr__(self, "_grader_inner", inner)
        object.__setattr__(self, "_grader_stream", stream)

    def write(self, text):
        inner = object.__getattribute__(self, "_grader_inner")
        result = inner.write(text)
        try:
            if isinstance(text, str) and text and _OUT_BYTES[0] < _OUT_CAP:
                piece = text[: _OUT_CAP - _OUT_BYTES[0]]
                _OUT_BYTES[0] += len(piece)
                _emit("out", unit=_unit(), stream=object.__getattribute__(self, "_grader_stream"), text=piece,
                      truncated=len(piece) < len(text))
        except Exception:
            pass
        return result

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, "_grader_inner"), name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_grader_inner"), name, value)

    def __iter__(self):
        return iter(object.__getattribute__(self, "_grader_inner"))


def _install_tee():
    try:
        if sys.stdout is not None and not isinstance(sys.stdout, _Tee):
            sys.stdout = _Tee(sys.stdout, "stdout")
        if sys.stderr is not None and not isinstance(sys.stderr, _Tee):
            sys.stderr = _Tee(sys.stderr, "stderr")
    except Exception:
        pass


# ---------------------------------------------------------------- units of work


def _unit():
    try:
        return _UNITS.get(_get_ident())
    except Exception:
        return None


def _set_unit(uid):
    try:
        if uid is None:
            _UNITS.pop(_get_ident(), None)
        else:
            _UNITS[_get_ident()] = uid
    except Exception:
        pass


def _run_unit(kind, func, args, kwds, owner=None):
    uid = None
    try:
        _SEQ[0] += 1
        uid = "%d:%d" % (os.getpid(), _SEQ[0])
        _emit("unit_start", unit=uid, kind=kind, owner=owner, func=_qualname(func),
              args=_args_text(args, kwds))
    except Exception:
        pass
    return _in_unit(uid, lambda: func(*args, **kwds), _unit())


def _in_unit(uid, call, previous=None):
    """Run call as the unit uid (what it prints is the unit's), then record its end and the exception that ended it."""
    _set_unit(uid)
    error = None
    try:
        return call()
    except BaseException as e:
        try:
            error = "%s: %s" % (type(e).__name__, e)
        except Exception:
            error = type(e).__name__
        raise
    finally:
        _emit("unit_end", unit=uid, error=error)
        _set_unit(previous)


# ---------------------------------------------------------------- import hook


class _Loader(object):
    def __init__(self, inner, name):
        self._inner = inner
        self._name = name

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        try:
            _patch(self._name, module)
        except Exception:
            pass

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _Finder(object):
    def find_spec(self, fullname, path=None, target=None):
        if fullname not in _WANTED and fullname not in _SYNC or fullname in _PATCHED:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            try:
                spec = finder.find_spec(fullname, path, target)
            except Exception:
                spec = None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader, fullname)
                return spec
        return None

    def find_module(self, fullname, path=None):
        return None


def _patch(name, module):
    if name in _PATCHED:
        return
    _PATCHED.add(name)
    if name == "multiprocessing.process":
        _patch_process(module)
        if not _spawned_child() and "--multiprocessing-fork" not in sys.argv:
            _install_tee()
    elif name == "multiprocessing.util":
        if hasattr(module, "spawnv_passfds"):
            module.spawnv_passfds = _lend(module.spawnv_passfds)
    elif name == "multiprocessing.context":
        # grade under the start method the rubric asks for, whatever the platform's default
        method = os.environ.get("GRADER_START_METHOD")
        contexts = getattr(module, "_concrete_contexts", {})
        if method in contexts:
            # the default's own fallback, so that multiprocessing's functions, bound to the default context when
            # the package loaded (before the tracer, in a warm interpreter), follow it too
            default = module._default_context
            if getattr(default, "_actual_context", None) is None and hasattr(default, "_default_context"):
                default._default_context = contexts[method]
            else:
                module._default_context = module.DefaultContext(contexts[method])
    elif name == "multiprocessing.pool":
        _patch_pool(module)
    elif name == "concurrent.futures.process":
        _patch_executor(module)
    if name in _SYNC or name == "multiprocessing.context":
        import _grader_sync
        patch = _grader_sync.PATCHES.get(name) or _grader_sync.patch_context
        patch(module)


def _pool_worker_target(target):
    return getattr(target, "__module__", "") in ("multiprocessing.pool", "concurrent.futures.process")


def _proc_id(proc):
    try:
        return proc.__dict__.get("_grader_id")
    except Exception:
        return None


def _patch_process(mod):
    BP = mod.BaseProcess
    orig_init = BP.__init__
    orig_start = BP.start
    orig_join = BP.join
    orig_terminate = BP.terminate
    orig_kill = getattr(BP, "kill", None)
    orig_bootstrap = BP._bootstrap

    def __init__(self, *args, **kwargs):
        orig_init(self, *args, **kwargs)
        try:
            _SEQ[0] += 1
            pid = "%d-%d" % (os.getpid(), _SEQ[0])
            self.__dict__["_grader_id"] = pid
            target = self.__dict__.get("_target")
            if target is None:
                tname = type(self).__qualname__ + ".run"
            else:
                tname = _qualname(target)
            _emit("proc_new", id=pid, name=self.name, target=tname, line=_student_line(),
                  pool_worker=_pool_worker_target(target))
        except Exception:
            pass

    def start(self):
        explicit = not _internal_caller()
        line = _student_line() if explicit else 0
        result = orig_start(self)
        try:
            _emit("proc_start", id=_proc_id(self), child=self.pid, line=line, explicit=explicit,
                  pool_worker=_pool_worker_target(self.__dict__.get("_target")), name=self.name)
        except Exception:
            pass
        return result

    def join(self, timeout=None):
        explicit = not _internal_caller()
        line = _student_line() if explicit else 0
        result = orig_join(self, timeout)
        if explicit:
            try:
                _emit("proc_join", id=_proc_id(self), line=line, exitcode=self.exitcode)
            except Exception:
                pass
        return result

    def terminate(self):
        explicit = not _internal_caller()
        if explicit:
            _emit("proc_terminate", id=_proc_id(self), line=_student_line())
        return orig_terminate(self)

    def kill(self):
        explicit = not _internal_caller()
        if explicit:
            _emit("proc_terminate", id=_proc_id(self), line=_student_line())
        return orig_kill(self)

    def _bootstrap(self, *args, **kwargs):
        # runs in the child, whatever the start method
        try:
            _UNITS.clear()
            _OUT_BYTES[0] = 0
            _install_tee()
            if not _pool_worker_target(self.__dict__.get("_target")):
                original_run = self.run
                target = self.__dict__.get("_target")
                func = target if target is not None else original_run
                owner = _proc_id(self)

                def run():
                    return _run_process_unit(original_run, func, self, owner)

                self.run = run
        except Exception:
            pass
        return orig_bootstrap(self, *args, **kwargs)

    __init__.__qualname__ = orig_init.__qualname__
    BP.__init__ = __init__
    BP.start = start
    BP.join = join
    BP.terminate = terminate
    if orig_kill is not None:
        BP.kill = kill
    BP._bootstrap = _bootstrap


def _run_process_unit(original_run, func, proc, owner):
    args = proc.__dict__.get("_args", ())
    uid = None
    try:
        _SEQ[0] += 1
        uid = "%d:%d" % (os.getpid(), _SEQ[0])
        _emit("unit_start", unit=uid, kind="process", owner=owner, func=_qualname(func), args=_args_text(args, proc.__dict__.get("_kwargs")),
              name=proc.name)
    except Exception:
        pass
    return _in_unit(uid, original_run)


class _QueueProxy(object):
    """Hand the worker each task with its function wrapped so that each item is its own unit."""

    def __init__(self, inner, rewrap):
        self._grader_inner = inner
        self._grader_rewrap = rewrap

    def get(self, *args, **kwargs):
        task = self._grader_inner.get(*args, **kwargs)
        try:
            return self._grader_rewrap(task)
        except Exception:
            return task

    def __getattr__(self, name):
        return getattr(self._grader_inner, name)


def _patch_pool(mod):
    orig_worker = mod.worker
    mapstar = mod.mapstar
    starmapstar = mod.starmapstar

    def rewrap(task):
        if task is None:
            return task
        job, i, func, args, kwds = task
        if func is mapstar:
            userfunc, chunk = args[0]
            return (job, i, lambda a: [_run_unit("task", userfunc, (x,), {}) for x in chunk], args, kwds)
        if func is starmapstar:
            userfunc, chunk = args[0]
            return (job, i, lambda a: [_run_unit("task", userfunc, tuple(x), {}) for x in chunk], args, kwds)
        return (job, i, lambda *a, **k: _run_unit("task", func, a, k), args, kwds)

    def worker(inqueue, outqueue, *args, **kwargs):
        return orig_worker(_QueueProxy(inqueue, rewrap), outqueue, *args, **kwargs)

    worker.__module__ = orig_worker.__module__
    worker.__qualname__ = orig_worker.__qualname__
    worker.__name__ = orig_worker.__name__
    mod.worker = worker

    Pool = mod.Pool
    thread_pool = getattr(mod, "ThreadPool", None)

    def is_thread_pool(p):
        return thread_pool is not None and isinstance(p, thread_pool)

    orig_init = Pool.__init__

    def __init__(self, *args, **kwargs):
        line = _student_line()
        orig_init(self, *args, **kwargs)
        try:
            _SEQ[0] += 1
            self.__dict__["_grader_id"] = "pool-%d-%d" % (os.getpid(), _SEQ[0])
            threads = is_thread_pool(self)
            workers = [] if threads else [p.pid for p in getattr(self, "_pool", []) if getattr(p, "pid", None)]
            _emit("pool_new", id=self._grader_id, kind="ThreadPool" if threads else "Pool", line=line,
                  size=getattr(self, "_processes", 0), workers=workers, threads=threads)
        except Exception:
            pass

    Pool.__init__ = __init__

    def call_patch(name):
        orig = getattr(Pool, name, None)
        if orig is None:
            return

        def method(self, func, *args, **kwargs):
            if not _internal_caller():
                _emit("pool_call", id=self.__dict__.get("_grader_id"), method=name, func=_qualname(func),
                      line=_student_line())
            return orig(self, func, *args, **kwargs)

        method.__name__ = name
        setattr(Pool, name, method)

    for name in ("map", "starmap", "imap", "imap_unordered", "apply", "apply_async", "map_async",
                 "starmap_async"):
        call_patch(name)

    def end_patch(name, ev):
        orig = getattr(Pool, name)

        def method(self, *args, **kwargs):
            if not _internal_caller():
                _emit(ev, id=self.__dict__.get("_grader_id"), line=_student_line())
            return orig(self, *args, **kwargs)

        method.__name__ = name
        setattr(Pool, name, method)

    end_patch("close", "pool_close")
    end_patch("join", "pool_join")
    end_patch("terminate", "pool_terminate")

    orig_exit = Pool.__exit__

    def __exit__(self, *args):
        if "_grader_id" in self.__dict__:
            _emit("pool_exit", id=self.__dict__.get("_grader_id"), line=_student_line())
        return orig_exit(self, *args)

    Pool.__exit__ = __exit__


def _patch_executor(mod):
    import functools
    orig_worker = mod._process_worker
    process_chunk = getattr(mod, "_process_chunk", None)

    def traced_chunk(fn, chunk):
        return [_run_unit("task", fn, tuple(args), {}) for args in chunk]

    def rewrap(item):
        if item is None:
            return item
        fn = item.fn
        if isinstance(fn, functools.partial) and fn.func is process_chunk:
            item.fn = functools.partial(traced_chunk, *fn.args, **fn.keywords)
        else:
            item.fn = lambda *a, **k: _run_unit("task", fn, a, k)
        return item

    def _process_worker(call_queue, *args, **kwargs):
        return orig_worker(_QueueProxy(call_queue, rewrap), *args, **kwargs)

    _process_worker.__module__ = orig_worker.__module__
    _process_worker.__qualname__ = orig_worker.__qualname__
    _process_worker.__name__ = orig_worker.__name__
    mod._process_worker = _process_worker

    Ex = mod.ProcessPoolExecutor
    orig_init = Ex.__init__

    def __init__(self, *args, **kwargs):
        line = _student_line()
        orig_init(self, *args, **kwargs)
        try:
            _SEQ[0] += 1
            self.__dict__["_grader_id"] = "pool-%d-%d" % (os.getpid(), _SEQ[0])
            _emit("pool_new", id=self._grader_id, kind="ProcessPoolExecutor", line=line,
                  size=getattr(self, "_max_workers", 0), workers=[])
        except Exception:
            pass

    Ex.__init__ = __init__

    for name in ("submit", "map"):
        orig = getattr(Ex, name)

        def make(orig, name):
            def method(self, fn, *args, **kwargs):
                if not _internal_caller():
                    _emit("pool_call", id=self.__dict__.get("_grader_id"), method=name, func=_qualname(fn),
                          line=_student_line())
                return orig(self, fn, *args, **kwargs)
            method.__name__ = name
            return method

        setattr(Ex, name, make(orig, name))

    orig_shutdown = Ex.shutdown

    def shutdown(self, *args, **kwargs):
        if not _internal_caller():
            _emit("pool_shutdown", id=self.__dict__.get("_grader_id"), line=_student_line())
        return orig_shutdown(self, *args, **kwargs)

    Ex.shutdown = shutdown
    orig_exit = Ex.__exit__

    def __exit__(self, *args):
        _emit("pool_exit", id=self.__dict__.get("_grader_id"), line=_student_line())
        return orig_exit(self, *args)

    Ex.__exit__ = __exit__

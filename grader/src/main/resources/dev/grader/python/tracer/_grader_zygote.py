"""A warm interpreter that forks a fully sandboxed child for each run: python -m _grader_zygote, as root.

Started once per runner with multiprocessing and the tracer already loaded, so a run pays neither the interpreter's
start nor those imports. The grader writes one request per line on stdin (JSON: the run's folder, uid, control
groups, limits, environment and arguments); the zygote answers {"id", "pid"} when it has forked the run and
{"id", "exit"} when the run has ended (128 + the signal when a signal ended it, as a shell says).

Each run is three processes, as the exec chain builds them (see Sandbox.java, the namespaces layer):
- the keeper, forked from the zygote, joins the run's control groups and makes its namespaces (mount, pid,
  network, IPC, UTS); it dies with the zygote;
- the namespace's first process, root, builds a minimal read-only root (the system's /usr and libraries, the
  interpreter, private /tmp and /dev/shm, the run's folders), stays and reaps; when it ends, every process of the
  namespace ends;
- the program, its child: chrooted, with the run's uid, no privileges, the run's limits, descriptors and a cleared
  environment before any byte of the student's runs; then main.py runs as __main__ exactly as python3 main.py runs
  it (argv, path, the main guard, exit code and traceback, sys.exit, threads and atexit at the end).

Standard library only.
"""
import ctypes
import errno
import json
import os
import resource
import signal
import socket
import sys

# what every answer imports, loaded once: a run forked from here finds them in sys.modules
import atexit
import io
import multiprocessing
import multiprocessing.pool
import multiprocessing.queues
import multiprocessing.synchronize
import queue
import random
import threading
import time
import traceback
import types

import sitecustomize
import _grader_tracer

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUTS = 0x04000000
_CLONE_NEWIPC = 0x08000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_REMOUNT = 32
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_NAME = 15

_LIBC = ctypes.CDLL(None, use_errno=True)
_HOME = os.path.dirname(os.path.abspath(__file__))
_RUNNERS = (os.path.abspath(__file__), os.path.abspath(__import__("runpy").__file__))


def _check(result, what):
    if result != 0:
        e = ctypes.get_errno()
        raise OSError(e, "%s: %s" % (what, os.strerror(e)))


def _mount(source, target, fstype, flags, data):
    _check(_LIBC.mount(None if source is None else source.encode(), target.encode(),
                       None if fstype is None else fstype.encode(), ctypes.c_ulong(flags),
                       None if data is None else data.encode()), "mount " + target)


def main():
    # the grader's stdout carries answers only: anything else this process prints would corrupt them
    answers = os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    runs = {}
    pending = b""
    _answer(answers, {"ready": os.getpid()})
    while True:
        try:
            readable = _select([0, wake_r])
        except InterruptedError:
            continue
        if wake_r in readable:
            try:
                os.read(wake_r, 4096)
            except OSError:
                pass
        _reap(runs, answers)
        if 0 in readable:
            data = os.read(0, 1 << 20)
            if not data:
                break
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                if not line.strip():
                    continue
                request = json.loads(line.decode("utf-8"))
                if "kill" in request:
                    # only a run not yet reaped: its pid cannot have been given to another process
                    for pid, rid in runs.items():
                        if rid == request["kill"]:
                            try:
                                os.kill(pid, signal.SIGKILL)
                            except OSError:
                                pass
                    continue
                _start(request, runs, answers, [answers, null, wake_r, wake_w])
    # the grader is gone: so are its runs
    for pid in runs:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _select(fds):
    import select
    return select.select(fds, [], [])[0]


def _answer(fd, message):
    data = (json.dumps(message) + "\n").encode("utf-8")
    while data:
        n = os.write(fd, data)
        data = data[n:]


def _reap(runs, answers):
    while runs:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        rid = runs.pop(pid, None)
        if rid is not None:
            _answer(answers, {"id": rid, "exit": _code(status)})


def _code(status):
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _start(request, runs, answers, closing):
    pid = os.fork()
    if pid == 0:
        code = 125
        try:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            for fd in closing:
                os.close(fd)
            code = _keeper(request)
        except BaseException as e:
            _say(request, "the sandbox could not be set up: %s" % (e,))
        finally:
            os._exit(code)
    runs[pid] = request["id"]
    _answer(answers, {"id": request["id"], "pid": pid})


def _name(name):
    # the grader signals a timed-out run's interpreters for their stacks: not these, which would end the run
    _LIBC.prctl(_PR_SET_NAME, ctypes.c_char_p(name), 0, 0, 0)
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)


def _say(request, message):
    # once chrooted, the run's stderr file is reached only through the descriptor opened before
    data = ("grader: " + message + "\n").encode("utf-8", "replace")
    try:
        if "stderr_fd" in request:
            os.write(request["stderr_fd"], data)
            return
        fd = os.open(request["stderr"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(fd, data)
        os.close(fd)
    except Exception:
        pass


# ---------------------------------------------------------------- the keeper and the namespace's first process


def _keeper(request):
    _check(_LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")
    _name(b"grader-keeper")
    # the run's trace key, made after the fork (the zygote never holds it), left where only root reads it
    key = os.urandom(16).hex()
    fd = os.open(request["key"], os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    os.write(fd, key.encode("ascii"))
    os.close(fd)
    request["env"][_grader_tracer._KEY_VAR] = key
    os.setsid()
    for procs in request.get("cgroups", []):
        with open(procs, "w") as f:
            f.write(str(os.getpid()))
    _check(_LIBC.unshare(_CLONE_NEWNS | _CLONE_NEWPID | _CLONE_NEWNET | _CLONE_NEWIPC | _CLONE_NEWUTS), "unshare")
    first = os.fork()
    if first == 0:
        code = 126
        try:
            code = _first(request)
        except BaseException as e:
            _say(request, "the sandbox could not be set up: %s" % (e,))
        finally:
            os._exit(code)
    while True:
        try:
            _, status = os.waitpid(first, 0)
            return _code(status)
        except InterruptedError:
            continue


def _first(request):
    # the namespace's first process: it builds the root, starts the program and reaps until the program ends
    _check(_LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")
    _name(b"grader-ns")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE, None)
    root = request["root"]
    _mount("grader-root", root, "tmpfs", _MS_NOSUID, "size=1m,mode=755")

    def ro(source, target):
        path = root + target
        if os.path.isdir(source):
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "a").close()
        _mount(source, path, None, _MS_BIND | _MS_REC, None)
        _mount(None, path, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | _MS_NOSUID, None)

    ro("/usr", "/usr")
    for top in request.get("top", []):
        if len(top) == 2:
            os.symlink(top[1], root + "/" + top[0])
        else:
            ro("/" + top[0], "/" + top[0])
    for etc in ("/etc/ld.so.cache", "/etc/localtime"):
        if os.path.isfile(etc):
            ro(etc, etc)
    for home in request.get("homes", []):
        ro(home, home)
    for d in ("/proc", "/dev", "/tmp", "/work", "/grader/out"):
        os.makedirs(root + d, exist_ok=True)
    _mount("proc", root + "/proc", "proc", _MS_NOSUID | _MS_NODEV, None)
    _mount("grader-dev", root + "/dev", "tmpfs", _MS_NOSUID, "size=64k,mode=755")
    for name in ("null", "zero", "full", "random", "urandom"):
        open(root + "/dev/" + name, "a").close()
        _mount("/dev/" + name, root + "/dev/" + name, None, _MS_BIND, None)
    for link, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        os.symlink(target, root + "/dev/" + link)
    os.makedirs(root + "/dev/shm")
    _mount("grader-shm", root + "/dev/shm", "tmpfs", _MS_NOSUID | _MS_NODEV, "size=%d,mode=1777" % request["shm"])
    _mount("grader-tmp", root + "/tmp", "tmpfs", _MS_NOSUID | _MS_NODEV, "size=%d,mode=1777" % request["tmp"])
    _mount(request["work"], root + "/work", None, _MS_BIND, None)
    _mount(request["out"], root + "/grader/out", None, _MS_BIND, None)
    ro(request["tracer"], "/grader/tracer")
    socket.sethostname("sandbox")
    stdin = os.open(request["stdin"], os.O_RDONLY)
    stdout = os.open(request["stdout"], os.O_WRONLY | os.O_APPEND)
    stderr = os.open(request["stderr"], os.O_WRONLY | os.O_APPEND)
    request["stderr_fd"] = stderr
    # the sandbox is built: from here on a failure is the program's, not the sandbox's
    os.close(os.open(request["started"], os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    os.chroot(root)
    os.chdir("/work")
    program = os.fork()
    if program == 0:
        code = 126
        try:
            os.dup2(stdin, 0)
            os.dup2(stdout, 1)
            os.dup2(stderr, 2)
            os.closerange(3, 65536)
            code = _program(request)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
        except BaseException as e:
            _say(dict(request, stderr_fd=2), "the program could not be started: %s" % (e,))
        finally:
            os._exit(code)
    os.close(stdin)
    os.close(stdout)
    os.close(stderr)
    # as the first process of a namespace: reap every orphan, end with the program
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            _say(request, "the program's process was lost")
            return 126
        if pid == program:
            return _code(status)


# ---------------------------------------------------------------- the program


def _program(request):
    uid = request["uid"]
    _LIBC.prctl(_PR_SET_NAME, ctypes.c_char_p(os.path.basename(sys.executable).encode()[:15]), 0, 0, 0)
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    _check(_LIBC.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl")
    for name, soft, hard in request["limits"]:
        resource.setrlimit(getattr(resource, name), (soft, hard))
    for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM):
        signal.signal(sig, signal.SIG_DFL)
    env = request["env"]
    os.environ.clear()
    os.environ.update(env)
    # as the shell that starts python3 main.py says where it is
    os.environ["PWD"] = os.getcwd()
    _fresh_interpreter(env, request["args"])
    return _run(request["args"])


def _fresh_interpreter(env, args):
    """Leave the interpreter as python3 starts it for this run: streams, path, flags, multiprocessing's state."""
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                                 encoding="utf-8", errors="strict")
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                                   encoding="utf-8", errors="strict")
    sys.stderr = sys.__stderr__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                                   encoding="utf-8", errors="backslashreplace", line_buffering=True)
    sys.dont_write_bytecode = "PYTHONDONTWRITEBYTECODE" in env
    script = args[0] if args and args[0] != "-m" else None
    first = os.path.dirname(os.path.abspath(script)) if script else os.getcwd()
    extra = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    # the zygote's own entries (its folder, the working directory it started in) are not the program's
    base = [p for p in sys.path[1:] if p and os.path.abspath(p) != _HOME]
    sys.path[:] = [first] + extra + base
    sys.argv[:] = list(args) if script else [args[1]] + list(args[2:])
    # a fresh key of multiprocessing's own, as a new interpreter makes
    multiprocessing.current_process().authkey = os.urandom(32)
    _grader_tracer._sign, _grader_tracer._lend = _grader_tracer._signer(os.environ.pop(_grader_tracer._KEY_VAR, ""))
    trace = env.get("GRADER_TRACE")
    if trace:
        try:
            sitecustomize._notebook_builtins()
        except Exception:
            pass
        _grader_tracer.install(trace, env.get("GRADER_MAIN", ""))
        for name in list(_grader_tracer._WANTED):
            module = sys.modules.get(name)
            if module is not None:
                _grader_tracer._patch(name, module)
        # multiprocessing's functions (Lock, Queue, Event, ...) were bound to its default context when the package
        # loaded, before the tracer patched the context: bind them again, as the package does on import
        context = sys.modules.get("multiprocessing.context")
        for name in getattr(multiprocessing, "__all__", []):
            if hasattr(context._default_context, name):
                setattr(multiprocessing, name, getattr(context._default_context, name))


def _run(args):
    import builtins
    import importlib.machinery
    import runpy
    status = 0
    try:
        if args and args[0] == "-m":
            runpy._run_module_as_main(args[1])
        else:
            path = os.path.abspath(args[0])
            module = types.ModuleType("__main__")
            module.__file__ = path
            module.__cached__ = None
            module.__builtins__ = builtins
            module.__loader__ = importlib.machinery.SourceFileLoader("__main__", path)
            module.__spec__ = None
            sys.modules["__main__"] = module
            with open(path, "rb") as f:
                code = compile(f.read(), path, "exec")
            exec(code, module.__dict__)
    except SystemExit as e:
        status = _exit_status(e)
    except BaseException:
        status = 1
        kind, value, tb = sys.exc_info()
        # the traceback starts at the program, as python3 main.py shows it: not in this runner
        while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) in _RUNNERS:
            tb = tb.tb_next
        if value is not None:
            value.__traceback__ = tb
        try:
            sys.excepthook(kind, value, tb)
        except Exception:
            pass
    # as the interpreter ends: wait for threads, run the exit handlers, flush
    try:
        threading._shutdown()
    except BaseException:
        pass
    try:
        atexit._run_exitfuncs()
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            if status == 0:
                status = 120
    return status


def _exit_status(e):
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


if __name__ == "__main__":
    main()

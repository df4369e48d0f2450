"""Run an instructor's tests of a Python answer: python -m _grader_tests, in the run's sandbox and limits.

The work folder holds the answer (main.py) and the tests (tests.json: file name to source). Three processes:

- the keeper reads the tests and the key it seals outcomes with, and removes their file, before any of the
  student's code runs; it never runs the student's code (nor lets its memory be read), and writes each outcome
  to the trace sealed with that key (the grader counts no other);
- the answer's process, forked before the tests are read, runs the answer as the program runs (as __main__,
  traced), waits for its threads as the interpreter does at exit, forks the tester and ends, and with it every
  thread the answer left behind;
- the tester, the only process that gets the tests: the keeper knows it by the pid the kernel gives each message
  on their channel, and hands it the tests on a socket it made after the answer's code had run. It calls each
  test_* function with the answer as a module and what its run did, each within the run's time limit.

Standard library only. pytest is not needed; a failed assert says its line and, for a comparison, both sides.
"""
import json
import os
import sys

import _grader_tracer as _t

_MAX_MESSAGE = 2000


def main():
    import socket
    emit = _t._emit
    # one channel to the answer's process, made before it exists: the kernel says which process sent each message
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    mine.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
    child = os.fork()
    if child == 0:
        mine.close()
        try:
            _child(theirs)
        finally:
            os._exit(0)
    theirs.close()
    _not_dumpable()
    path = os.path.join(os.getcwd(), "tests.json")
    tests = b"{}"
    try:
        with open(path, "rb") as f:
            tests = f.read()
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
    spec = json.loads(tests.decode("utf-8"))
    key = bytes.fromhex(spec.pop("seal", ""))
    names = spec.get("names", [])
    limit = float(spec.get("limit", 10))
    mine.send(b"go")
    tester, why = _tester(mine, child)
    outcomes = []
    if tester is not None:
        runner_pid, channel = tester
        # the tests only, never the key, and only to the process that will run them
        _send(channel, json.dumps({"files": spec.get("files", {}), "limit": limit}).encode("utf-8"))
        outcomes = _collect(channel, runner_pid, limit)
    seen = set()
    for o in outcomes:
        if isinstance(o, dict) and o.get("name") in names and o.get("name") not in seen:
            seen.add(o["name"])
            _report(emit, key, o["name"], str(o.get("status")), _cut(o.get("message")))
    for name in names:
        if name not in seen:
            _report(emit, key, name, "aborted", why or "the test did not report")
    sys.stdout.flush()
    os._exit(0)


def _tester(sock, child):
    """Find the process that runs the tests, and a channel only it holds.

    The answer's process (child) runs the answer, forks the tester and ends, which ends every thread the answer
    left behind; it says which process it forked in exactly one message. The tester sends, from its own pid, one
    end of a socket pair it made after the answer's code had run. A second message from the answer's process, or
    one the answer's code forged, leaves the tests unrun rather than handed to it.
    """
    import select
    import socket
    claims = []
    offers = {}
    ended = False
    while True:
        ready, _, _ = select.select([sock], [], [], 0.05)
        if ready:
            try:
                data, ancillary, _, _ = sock.recvmsg(4096, socket.CMSG_SPACE(12) + socket.CMSG_SPACE(16))
            except OSError:
                data, ancillary = b"", []
            if not data and not ancillary:
                if ended:
                    break
                ready = False
            else:
                pid, fds = _sender(ancillary)
                if pid == child:
                    claims.append(data)
                    for fd in fds:
                        os.close(fd)
                elif data == b"tester" and len(fds) == 1 and pid not in offers:
                    offers[pid] = fds[0]
                else:
                    for fd in fds:
                        os.close(fd)
        if not ended:
            try:
                done, _ = os.waitpid(child, os.WNOHANG)
            except ChildProcessError:
                done = child
            ended = done == child
        elif not ready:
            break
    runner = None
    if len(claims) == 1 and claims[0].startswith(b"tester "):
        try:
            runner = int(claims[0].split()[1])
        except ValueError:
            runner = None
    why = None
    if not claims:
        why = "the answer did not finish, so the test could not run"
    elif runner is None:
        why = "the answer's code wrote to the test runner's channel, so the tests were not run"
    if runner is not None and runner not in offers:
        # the tester may still be on its way
        deadline = 2.0
        while runner not in offers and deadline > 0:
            ready, _, _ = select.select([sock], [], [], 0.05)
            deadline -= 0.05
            if not ready:
                continue
            try:
                data, ancillary, _, _ = sock.recvmsg(4096, socket.CMSG_SPACE(12) + socket.CMSG_SPACE(16))
            except OSError:
                break
            pid, fds = _sender(ancillary)
            if pid == runner and data == b"tester" and len(fds) == 1:
                offers[pid] = fds[0]
            else:
                for fd in fds:
                    os.close(fd)
    for pid, fd in offers.items():
        if pid != runner:
            os.close(fd)
    if runner is None or runner not in offers:
        return None, why or "the test runner did not start"
    return (runner, socket.socket(fileno=offers[runner])), None


def _sender(ancillary):
    import array
    import socket
    import struct
    pid, fds = None, []
    for level, kind, data in ancillary:
        if level != socket.SOL_SOCKET:
            continue
        if kind == socket.SCM_CREDENTIALS and len(data) >= 12:
            pid = struct.unpack("3i", data[:12])[0]
        elif kind == socket.SCM_RIGHTS:
            got = array.array("i")
            got.frombytes(data[:len(data) - len(data) % got.itemsize])
            fds.extend(got)
    return pid, fds


def _collect(channel, runner, limit):
    """Read the tester's outcomes as each test ends; stop a test that outlives its limit and the tester's alarm."""
    import select
    import signal
    outcomes = []
    running = None
    while True:
        ready, _, _ = select.select([channel], [], [], limit + 2)
        if not ready:
            # the test blocked its alarm (or the answer took it over): end the tester, keep what finished
            try:
                os.kill(runner, signal.SIGKILL)
            except OSError:
                pass
            if running is not None:
                outcomes.append({"name": running, "status": "failed",
                                 "message": "did not finish within %s s" % _seconds(limit)})
            return outcomes
        data = _receive(channel)
        if not data:
            return outcomes
        try:
            message = json.loads(data.decode("utf-8"))
        except ValueError:
            return outcomes
        if not isinstance(message, dict) or message.get("done"):
            return outcomes
        if "start" in message:
            running = message["start"]
        else:
            outcomes.append(message)
            running = None


def _seconds(limit):
    return ("%d" % limit) if limit == int(limit) else ("%.1f" % limit)


def _report(emit, key, name, status, message):
    # sealed with the key only this process has: the grader counts no outcome without its seal
    import hmac
    import hashlib
    text = "%s\n%s\n%s" % (name, status, message or "")
    seal = hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
    emit("test", name=name, display=name.split("::")[-1], status=status, message=message, seal=seal)


def _not_dumpable():
    # other processes of the run's user cannot read this one's memory or descriptors through /proc
    try:
        import ctypes
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)
    except Exception:
        pass


def _send(channel, data):
    channel.sendall(len(data).to_bytes(8, "big") + data)


def _receive(channel):
    head = _read(channel, 8)
    if len(head) < 8:
        return b""
    return _read(channel, int.from_bytes(head, "big"))


def _read(channel, n):
    parts = []
    while n > 0:
        try:
            chunk = channel.recv(min(n, 1 << 20))
        except OSError:
            break
        if not chunk:
            break
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _cut(text):
    if text is None:
        return None
    text = str(text)
    return text if len(text) <= _MAX_MESSAGE else text[:_MAX_MESSAGE] + "..."


# ---------------------------------------------------------------- the child: the answer, then the tests


def _child(sock):
    import socket
    sign = _t._sign
    trace = _t._TRACE
    sock.recv(16)
    # the answer is this run's main process: its output and its threads are the run's
    _t._ROOT_PID = os.getpid()
    _t._install_tee()
    answer, ended = _run_answer()
    _settle()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    # the answer's code may have changed the socket; the tester must not be lost to that
    try:
        sock.setblocking(True)
    except OSError:
        pass
    tester = os.fork()
    if tester != 0:
        # this process ends at once, and with it every thread the answer's code left running here
        try:
            sock.send(b"tester %d" % tester)
        finally:
            os._exit(0)
    _not_dumpable()
    private, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.sendmsg([b"tester"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, _ints([theirs.fileno()]))])
    theirs.close()
    sock.close()
    tests = json.loads(_receive(private).decode("utf-8") or "{}")
    run = Run(_events(trace, sign), _t._ROOT_PID, ended)
    limit = float(tests.get("limit", 10))
    for name, source in tests.get("files", {}).items():
        _run_file(name, source, answer, run, limit, lambda m: _send(private, json.dumps(m).encode("utf-8")))
    _send(private, json.dumps({"done": True}).encode("utf-8"))


def _ints(values):
    import array
    return array.array("i", values).tobytes()


def _run_answer():
    import types
    import builtins
    path = _t._MAIN
    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    ended = None
    try:
        with open(path, encoding="utf-8") as f:
            code = compile(f.read(), path, "exec")
        exec(code, module.__dict__)
    except SystemExit as e:
        if e.code not in (None, 0):
            ended = "SystemExit: %s" % (e.code,)
    except BaseException as e:
        ended = "%s: %s" % (type(e).__name__, e)
        try:
            import traceback
            traceback.print_exc()
        except Exception:
            pass
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    return module, ended


def _settle():
    # as the interpreter does at exit: wait for the answer's threads that are not daemons
    try:
        import threading
        for t in threading.enumerate():
            if t is not threading.current_thread() and not t.daemon:
                t.join()
    except Exception:
        pass


def _events(path, sign):
    out = []
    try:
        with open(path, "rb") as f:
            for raw in f:
                mac, _, line = raw.rstrip(b"\n").partition(b" ")
                if not line or sign(line) != mac:
                    continue
                try:
                    out.append(json.loads(line.decode("ascii")))
                except ValueError:
                    pass
    except OSError:
        pass
    return out


class _OutOfTime(BaseException):
    """Stop a test at its time limit (not an Exception: an answer's except Exception must not swallow it)."""


def _run_file(name, source, answer, run, limit, send):
    import inspect
    import signal
    namespace = {"__name__": "tests." + name.rsplit("/", 1)[-1].rsplit(".", 1)[0], "__file__": name,
                 "_grader_said_": _said}
    try:
        exec(compile(_explained(source, name), name, "exec"), namespace)
    except BaseException as e:
        for test in _declared(source):
            send({"name": name + "::" + test, "status": "aborted",
                  "message": "the test file failed before its tests ran: %s: %s" % (type(e).__name__, e)})
        return

    def out_of_time(signum, frame):
        raise _OutOfTime()

    for key, fn in list(namespace.items()):
        if not key.startswith("test") or not callable(fn) or getattr(fn, "__module__", None) != namespace["__name__"]:
            continue
        given = {"answer": answer, "run": run}
        try:
            params = [p for p in inspect.signature(fn).parameters]
        except (TypeError, ValueError):
            params = []
        kwargs = {p: given[p] for p in params if p in given}
        test = name + "::" + key
        send({"start": test})
        try:
            # the answer may have taken the alarm for itself: each test gets it back
            signal.signal(signal.SIGALRM, out_of_time)
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                fn(**kwargs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            outcome = {"name": test, "status": "passed", "message": None}
        except _OutOfTime as e:
            outcome = {"name": test, "status": "failed",
                       "message": "did not finish within %s s%s" % (_seconds(limit), _where(e, name, "it was at "))}
        except AssertionError as e:
            outcome = {"name": test, "status": "failed", "message": _assertion(e, name)}
        except BaseException as e:
            outcome = {"name": test, "status": "failed",
                       "message": "%s: %s%s" % (type(e).__name__, e, _where(e, name))}
        send(outcome)


def _declared(source):
    import re
    return re.findall(r"^def (test\w*)\s*\(", source, re.M)


def _where(e, file, prefix=""):
    tb = e.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return " (%s%s line %d)" % (prefix, file, line) if line else ""


def _assertion(e, file):
    text = str(e)
    return text if text else "assertion failed" + _where(e, file)


def _explained(source, file):
    """Give each assert without a message one: its text and, for a comparison, the value of each side.

    The sides are kept as they are computed (not evaluated again: a second call could block or give another
    value), as pytest does by rewriting asserts.
    """
    import ast
    try:
        tree = ast.parse(source, file)
    except SyntaxError:
        return source

    class Explain(ast.NodeTransformer):
        def visit_Assert(self, node):
            if node.msg is not None:
                return node
            said = "assert " + ast.unparse(node.test)
            test = node.test
            if isinstance(test, ast.Compare) and len(test.comparators) == 1:
                left, right = test.left, test.comparators[0]
                test.left = ast.NamedExpr(target=ast.Name("_grader_left_", ast.Store()), value=left)
                test.comparators = [ast.NamedExpr(target=ast.Name("_grader_right_", ast.Store()), value=right)]
                node.msg = ast.Call(func=ast.Name("_grader_said_", ast.Load()), args=[
                    ast.Constant(said), ast.Constant(ast.unparse(left)), ast.Name("_grader_left_", ast.Load()),
                    ast.Constant(ast.unparse(right)), ast.Name("_grader_right_", ast.Load())], keywords=[])
            else:
                node.msg = ast.Constant(said)
            return ast.copy_location(node, node)

    try:
        return ast.fix_missing_locations(Explain().visit(tree))
    except Exception:
        return source


def _said(said, left_text, left, right_text, right):
    return "%s: %s is %s, %s is %s" % (said, left_text, _short(left), right_text, _short(right))


def _short(value):
    try:
        text = repr(value)
    except Exception:
        text = "<unprintable>"
    return text if len(text) <= 200 else text[:200] + "..."


# ---------------------------------------------------------------- what the run did


class Record(object):
    """Hold what the trace says of one thing, as attributes."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return "%s(%s)" % (getattr(self, "kind", "record"), ", ".join(
            "%s=%r" % kv for kv in sorted(self.__dict__.items()) if kv[0] != "stdout"))


class Run(object):
    """Say what the answer's run did: its output, its processes and threads, its pools and their tasks.

    stdout: what the main process printed; printed: that and what every unit of work printed
    processes, threads: those the answer started (name, target, line, started, joined)
    pools, pool: its pools of processes or threads (kind, size, threads, calls, tasks), pool the first or None
    units: each process's or thread's run and each pool task (kind, function, args, stdout, error, thread)
    tasks: the pool tasks among them; objects: its queues, locks, events (kind, line, uses)
    error: the exception that ended the answer, or None
    """

    def __init__(self, events, main_pid, error):
        self.error = error
        procs, pools, units, objects, main_out = {}, {}, {}, {}, []
        for e in events:
            ev = e.get("ev")
            key = e.get("id")
            if ev == "proc_new":
                procs[key] = Record(kind="thread" if e.get("thread") else "process", name=e.get("name"),
                                    target=e.get("target"), line=e.get("line", 0), started=False, joined=False,
                                    pool_worker=bool(e.get("pool_worker")), pid=0)
            elif ev == "proc_start" and key in procs:
                procs[key].started = True
                procs[key].pid = e.get("child", 0)
            elif ev == "proc_join" and key in procs:
                procs[key].joined = True
            elif ev == "pool_new":
                pools[key] = Record(kind=e.get("kind"), size=e.get("size", 0), threads=bool(e.get("threads")),
                                    line=e.get("line", 0), calls=[], tasks=0, workers=list(e.get("workers") or []))
            elif ev == "pool_call" and key in pools:
                pools[key].calls.append(e.get("method"))
            elif ev == "unit_start":
                units[e.get("unit")] = Record(kind=e.get("kind"), function=e.get("func"), args=e.get("args"),
                                              owner=e.get("owner"), pid=e.get("pid"), stdout="", error=None,
                                              thread=e.get("kind") == "thread" or e.get("pid") == main_pid)
            elif ev == "unit_end" and e.get("unit") in units:
                units[e["unit"]].error = e.get("error")
            elif ev == "out":
                unit = units.get(e.get("unit"))
                if unit is not None and e.get("stream") == "stdout":
                    unit.stdout += e.get("text", "")
                elif unit is None and e.get("stream") == "stdout" and e.get("pid") == main_pid:
                    main_out.append(e.get("text", ""))
            elif ev == "obj_new":
                objects[key] = Record(kind=e.get("kind"), line=e.get("line", 0), uses={})
            elif ev == "obj_use" and key in objects:
                uses = objects[key].uses
                uses[e.get("method")] = uses.get(e.get("method"), 0) + 1
        self.stdout = "".join(main_out)
        self.units = list(units.values())
        self.tasks = [u for u in self.units if u.kind == "task"]
        mine = [p for p in procs.values() if not p.pool_worker]
        self.processes = [p for p in mine if p.kind == "process"]
        self.threads = [p for p in mine if p.kind == "thread"]
        self.pools = list(pools.values())
        for t in self.tasks:
            owner = pools.get(t.owner)
            if owner is None:
                # a multiprocessing Pool's task: its worker's pid says which pool, or the only process pool
                owner = next((p for p in self.pools if t.pid in p.workers), None)
                process_pools = [p for p in self.pools if not p.threads]
                if owner is None and len(process_pools) == 1:
                    owner = process_pools[0]
            if owner is not None:
                owner.tasks += 1
        self.pool = self.pools[0] if self.pools else None
        self.objects = list(objects.values())
        self.printed = self.stdout + "".join(u.stdout for u in self.units)

    def __repr__(self):
        return "Run(processes=%d, threads=%d, pools=%d, units=%d)" % (
            len(self.processes), len(self.threads), len(self.pools), len(self.units))


if __name__ == "__main__":
    main()

# What a program sees of how it was started: a run forked from a warm interpreter must see what python3 main.py sees.
import atexit
import os
import sys
import threading
import multiprocessing


def later():
    print("atexit ran", flush=True)


def child(q):
    q.put(("child", __name__, os.getppid() > 0))


atexit.register(later)
print("name", __name__)
print("file", __file__)
print("spec", __spec__)
print("argv", sys.argv)
print("path0", sys.path[0])
print("cwd", os.getcwd())
print("main has file", hasattr(sys.modules["__main__"], "__file__"))
print("stdout", sys.stdout.encoding, sys.stdout.line_buffering, sys.stdout.isatty())
print("stderr", sys.stderr.encoding, sys.stderr.line_buffering)
print("stdin", repr(sys.stdin.readline()))
print("bytecode", sys.dont_write_bytecode)
print("environment", sorted(k for k in os.environ if not k.startswith("GRADER_")))
print("uid root", os.getuid() == 0)
print("threads", threading.active_count(), threading.current_thread().name)
print("process", multiprocessing.current_process().name, multiprocessing.parent_process())
print("start method", multiprocessing.get_start_method(allow_none=True))
print("authkey", len(bytes(multiprocessing.current_process().authkey)))
print("signals", [str(__import__("signal").getsignal(s)) for s in (2, 10, 13, 15, 17)])


def work():
    print("thread still runs at exit", flush=True)


if __name__ == "__main__":
    for method in ("fork", "spawn", "forkserver"):
        ctx = multiprocessing.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=child, args=(q,))
        p.start()
        print(method, q.get(timeout=20))
        p.join()
    t = threading.Thread(target=lambda: (__import__("time").sleep(0.2), work()))
    t.start()
    sys.stdout.write("no newline at the end")
    raise SystemExit(3)

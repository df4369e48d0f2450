# Try to reach the warm interpreter and the runs after this one: patch modules, fill sys.modules, leave threads,
# write to every descriptor, kill the parent and every process in sight.
import json
import multiprocessing
import os
import signal
import sys
import threading
import time

json.dumps = lambda *a, **k: "TAMPERED"
multiprocessing.Process.start = lambda self: print("TAMPERED start")
os.getcwd = lambda: "/TAMPERED"
print.__class__  # builtins cannot be replaced for others: each run is its own process
sys.modules["tampered_module"] = object()
sys.path.insert(0, "/TAMPERED")


def forever():
    while True:
        time.sleep(0.01)


threading.Thread(target=forever, daemon=True).start()
for fd in range(3, 1024):
    try:
        os.write(fd, b'{"id": "1", "exit": 0}\n')
    except OSError:
        pass
for pid in (os.getppid(), 1):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as e:
        print("could not kill", pid, type(e).__name__)
print("tampered", flush=True)
try:
    os.kill(-1, signal.SIGKILL)
except OSError as e:
    print("kill -1:", type(e).__name__)

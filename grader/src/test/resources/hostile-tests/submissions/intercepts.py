# Q1
# Answer wrong, then leave a thread behind that speaks on the test runner's channel: it names a process of its
# own as the one to run the tests, waits for the tests to come its way, and says the test passed.
import json
import os
import socket
import threading
import time

MARK = ("MARKER" + "-" + "6a1f").encode()  # not written out: this file must not match itself


def squares(numbers):
    return [n + n for n in numbers]


def channels():
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink("/proc/self/fd/" + fd).startswith("socket:"):
                found.append(socket.socket(fileno=os.dup(int(fd))))
        except Exception:
            pass
    return found


def framed(message):
    data = json.dumps(message).encode()
    return len(data).to_bytes(8, "big") + data


def interfere():
    time.sleep(0.2)
    for s in channels():
        try:
            s.setblocking(True)
            mine, theirs = socket.socketpair()
            s.send(b"tester %d" % os.getpid())
            s.sendmsg([b"tester"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, theirs.fileno().to_bytes(4, "little"))])
            mine.settimeout(5)
            got = mine.recv(1 << 20)
            if MARK in got:
                print("the thread got the test")
            mine.sendall(framed({"start": "secret_test.py::test_squares"}))
            mine.sendall(framed({"name": "secret_test.py::test_squares", "status": "passed", "message": None}))
            mine.sendall(framed({"done": True}))
        except Exception as e:
            print("the thread could not:", type(e).__name__)


threading.Thread(target=interfere, daemon=True).start()
time.sleep(0.5)
print("left a thread behind")

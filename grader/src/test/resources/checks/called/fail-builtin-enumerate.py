# Q1
# evidence: threading.enumerate() was never called
import threading

print(threading.active_count(), threading.current_thread())
for i, name in enumerate(["a", "b"]):
    print(i, name)

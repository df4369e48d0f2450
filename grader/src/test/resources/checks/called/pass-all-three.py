# Q1
# evidence: threading.enumerate() at line 6
import threading

print(threading.active_count(), threading.current_thread().name)
for t in threading.enumerate():
    print(t.name)

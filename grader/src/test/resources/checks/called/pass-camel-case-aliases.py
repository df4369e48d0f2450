# Q1
# evidence: threading.activeCount() at line 5
import threading

print(threading.activeCount())
print(threading.currentThread().name)
print(len(threading.enumerate()))

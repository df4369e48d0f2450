# Q1
# evidence: never release()
import threading

lock = threading.RLock()
lock.acquire()
print("holding", lock)

# Q1
# evidence: Event made at line 5: wait at line 9, set at line 14
import threading

ready = threading.Event()

def worker():
    print("waiting")
    ready.wait()
    print("released")

t = threading.Thread(target=worker)
t.start()
ready.set()
t.join()

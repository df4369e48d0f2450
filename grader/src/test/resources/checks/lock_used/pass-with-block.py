# Q1
# evidence: Lock made at line 5: acquire at line 11 (50 times or more), release at line 11 (50 times or more)
import threading

lock = threading.Lock()
total = 0

def add():
    global total
    for _ in range(1000):
        with lock:
            total += 1

threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)

# Q1
# evidence: Queue made at line 19: put at line 8 (3 times), put at line 9, get at line 13 (4 times)
import queue
import threading

def producer(q):
    for i in range(3):
        q.put(i * i)
    q.put(None)

def consumer(q):
    while True:
        item = q.get()
        if item is None:
            break
        print("consumed", item)

if __name__ == "__main__":
    q = queue.Queue()
    threads = [threading.Thread(target=producer, args=(q,)), threading.Thread(target=consumer, args=(q,))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

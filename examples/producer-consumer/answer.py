# Q1
# A queue.Queue is made to be shared between threads: put() and get() take its lock themselves, and get()
# waits until an item is there, so the consumer needs no polling loop and no lock of its own. A list shared
# by two threads needs both, and forgets neither easily.

# Q2
import queue
import threading


def produce(q, n):
    for i in range(1, n + 1):
        q.put(i * i)
    q.put(None)


def consume(q):
    total = 0
    while True:
        item = q.get()
        if item is None:
            return total
        total += item


def consumer(q, out):
    out.append(consume(q))


if __name__ == "__main__":
    q = queue.Queue()
    result = []
    threads = [threading.Thread(target=produce, args=(q, 4)), threading.Thread(target=consumer, args=(q, result))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("sum:", result[0])

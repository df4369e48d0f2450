# Q1
from multiprocessing import Lock, Process

def report(lock, n):
    lock.acquire()
    try:
        print("process", n)
    finally:
        lock.release()

if __name__ == "__main__":
    lock = Lock()
    ps = [Process(target=report, args=(lock, n)) for n in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

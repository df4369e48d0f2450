# Correct solutions in the styles students use: no rule may fire on any of them.
# case: import multiprocessing as mp, processes in a list, joined in a later loop
import multiprocessing as mp

def show(n):
    print("number", n)

if __name__ == "__main__":
    processes = []
    for n in range(1, 5):
        p = mp.Process(target=show, args=(n,))
        processes.append(p)
        p.start()
    for p in processes:
        p.join()
# case: from multiprocessing import Pool as P, with block
from multiprocessing import Pool as P

def cube(n):
    return n ** 3

if __name__ == "__main__":
    with P(processes=4) as pool:
        print(pool.map(cube, [1, 2, 3, 4]))
# case: a main() called under the guard creates the pool
from multiprocessing import Pool

def square(x):
    return x * x

def main():
    pool = Pool(4)
    try:
        print(pool.map(square, range(10)))
    finally:
        pool.close()
        pool.join()

if __name__ == "__main__":
    main()
# case: a list comprehension of processes, started and joined by comprehensions
import multiprocessing

def show(n):
    print(n)

if __name__ == "__main__":
    ps = [multiprocessing.Process(target=show, args=(i,)) for i in range(4)]
    [p.start() for p in ps]
    [p.join() for p in ps]
# case: four processes by name
import multiprocessing

def show(n):
    print(n)

if __name__ == "__main__":
    num = 5
    m1 = multiprocessing.Process(target=show, args=(num,))
    m2 = multiprocessing.Process(target=show, args=(num + 1,))
    m3 = multiprocessing.Process(target=show, args=(num + 2,))
    m4 = multiprocessing.Process(target=show, args=(num + 3,))
    m1.start()
    m2.start()
    m3.start()
    m4.start()
    m1.join()
    m2.join()
    m3.join()
    m4.join()
# case: a pipe between two processes, joined
import multiprocessing

def sender(conn, msg):
    for m in msg:
        conn.send(m)
    conn.close()

def receive(conn):
    while True:
        try:
            print(conn.recv())
        except EOFError:
            break

if __name__ == "__main__":
    parent_conn, child_conn = multiprocessing.Pipe()
    m1 = multiprocessing.Process(target=sender, args=(child_conn, ["a", "b"]))
    m2 = multiprocessing.Process(target=receive, args=(parent_conn,))
    m1.start()
    m2.start()
    m1.join()
    child_conn.close()
    m2.join()
# case: get_context, starmap and imap
import multiprocessing

def add(a, b):
    return a + b

def square(x):
    return x * x

if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        for value in pool.imap(square, range(4)):
            print(value)
# case: apply_async with results fetched in a loop
from multiprocessing import Pool

def show(n):
    print(n)
    return n

if __name__ == "__main__":
    pool = Pool(4)
    results = []
    for n in range(4):
        results.append(pool.apply_async(show, args=(n,)))
    pool.close()
    pool.join()
    for r in results:
        r.get()
# case: a Process subclass with run()
from multiprocessing import Process

class Printer(Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print(self.n)

if __name__ == "__main__":
    workers = [Printer(n) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
# case: ProcessPoolExecutor in a with block
import concurrent.futures

def square(x):
    return x * x

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=4) as executor:
        futures = [executor.submit(square, n) for n in range(4)]
        print([f.result() for f in futures])
# case: a queue between processes, enumerate and zip
from multiprocessing import Process, Queue

def produce(q, n):
    q.put(n * n)

if __name__ == "__main__":
    q = Queue()
    procs = [Process(target=produce, args=(q, n)) for n in range(4)]
    for i, p in enumerate(procs):
        p.start()
    for p, n in zip(procs, range(4)):
        p.join()
    print(sorted(q.get() for _ in range(4)))
# case: processes kept in a dict
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    procs = {}
    for n in range(4):
        procs[n] = Process(target=show, args=(n,))
        procs[n].start()
    for p in procs.values():
        p.join()
# case[notebook]: notebook cells, guarded, split over several cells
import multiprocessing

def square(x):
    return x * x

if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=4)

if __name__ == "__main__":
    print(pool.map(square, range(5)))

if __name__ == "__main__":
    pool.close()
    pool.join()
# case: processes made by a helper and joined by another
from multiprocessing import Process

def show(n):
    print(n)

def start_all(count):
    procs = []
    for n in range(count):
        p = Process(target=show, args=(n,))
        p.start()
        procs.append(p)
    return procs

def wait_all(procs):
    for p in procs:
        p.join()

if __name__ == "__main__":
    running = start_all(4)
    wait_all(running)
# case: joined through map with a lambda
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    procs = [Process(target=show, args=(n,)) for n in range(4)]
    list(map(lambda p: p.start(), procs))
    list(map(lambda p: p.join(), procs))
# case: a daemon joined with a timeout, then terminated
from multiprocessing import Process
import time

def spin():
    while True:
        time.sleep(0.1)

if __name__ == "__main__":
    p = Process(target=spin, daemon=True)
    p.start()
    p.join(timeout=0.5)
    p.terminate()
    p.join()
# case: a global process started in one function and joined in another
from multiprocessing import Process

worker = None

def show():
    print("x")

def begin():
    global worker
    worker = Process(target=show)
    worker.start()

def finish():
    worker.join()

if __name__ == "__main__":
    begin()
    finish()
# case: a queue of processes drained by a while loop, joined in finally
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    waiting = [Process(target=show, args=(n,)) for n in range(4)]
    running = []
    try:
        while waiting:
            p = waiting.pop()
            p.start()
            running.append(p)
    except OSError as e:
        print("could not start", e)
    finally:
        for p in running:
            p.join()
# case: walrus, starred unpacking, list concatenation and +=
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    first, *rest = [Process(target=show, args=(n,)) for n in range(3)]
    group = [first] + rest
    group += [(extra := Process(target=show, args=(9,)))]
    for p in group:
        p.start()
    for p in group:
        p.join()
# case: a dict comprehension of processes and a closure that joins them
from multiprocessing import Process

def show(n):
    print(n)

def main():
    procs = {n: Process(target=show, args=(n,)) for n in range(4)}

    def wait():
        for p in procs.values():
            p.join()

    for p in procs.values():
        p.start()
    wait()

if __name__ == "__main__":
    main()
# case: processes handed out by a generator
from multiprocessing import Process

def show(n):
    print(n)

def make(count):
    for n in range(count):
        p = Process(target=show, args=(n,))
        p.start()
        yield p

if __name__ == "__main__":
    for p in make(4):
        p.join()
# case: match on a command, several context managers, a thread pool and a star import
from multiprocessing import *
from multiprocessing.pool import ThreadPool

def square(x):
    return x * x

if __name__ == "__main__":
    command = "pool"
    match command:
        case "pool":
            with Pool(2) as pool, open("log.txt", "w") as log:
                log.write(str(pool.map(square, range(4))))
        case _:
            p = Process(target=square, args=(2,))
            p.start()
            p.join()
    threads = ThreadPool(2)
    print(threads.map(lambda x: x + 1, range(3)))
    threads.close()
    threads.join()
# case: a pool kept on an object
import multiprocessing

def square(x):
    return x * x

class Service:
    def __init__(self):
        self.pool = multiprocessing.Pool(2)

    def run(self, data):
        return self.pool.map(square, data)

    def stop(self):
        self.pool.close()
        self.pool.join()

if __name__ == "__main__":
    s = Service()
    print(s.run(range(4)))
    s.stop()

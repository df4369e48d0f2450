# Fixture for start-join-same-iteration.
# case: created, started and joined in one iteration
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    for n in range(4):
        p = Process(target=show, args=(n,))
        p.start()
        p.join()  # expect: start-join-same-iteration
# case: started and joined in one loop over a list
import multiprocessing

def show(n):
    print(n)

if __name__ == "__main__":
    procs = [multiprocessing.Process(target=show, args=(n,)) for n in range(4)]
    for p in procs:
        p.start()
        p.join()  # expect: start-join-same-iteration
# case: a helper that starts and joins, called in a loop
from multiprocessing import Process

def show(n):
    print(n)

def run_one(n):
    p = Process(target=show, args=(n,))
    p.start()
    p.join()  # expect: start-join-same-iteration

if __name__ == "__main__":
    for n in range(4):
        run_one(n)
# case: started in one loop, joined in another
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    procs = []
    for n in range(4):
        p = Process(target=show, args=(n,))
        p.start()
        procs.append(p)
    for p in procs:
        p.join()
# case: indexing the list in both loops
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    procs = [Process(target=show, args=(n,)) for n in range(4)]
    for i in range(len(procs)):
        procs[i].start()
    for i in range(len(procs)):
        procs[i].join()

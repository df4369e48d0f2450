# Q1. What is multiprocessing in python? Why is it useful?
# Multiprocessing lets a Python program run several processes at the same time, each with its own interpreter and memory, so CPU-bound work can use every core instead of being held back by the global interpreter lock.

# Q2. What are the differences between multiprocessing and multithreading?
# Threads share one process and its memory, so they are cheap to start, but the GIL lets only one of them run Python code at a time. Processes each get their own memory and interpreter, cost more to create, and talk through pipes or queues, but they really run in parallel.

# Q3
import multiprocessing

def greet(name):
    print("hello from", name)

if __name__ == "__main__":
    worker = multiprocessing.Process(target=greet, args=("the child",))
    worker.start()
    worker.join()
    print("parent finished")

# Q4
"""A pool is a fixed group of worker processes that take tasks from a queue. We use it so that we do not have to create, start and join every process by hand, and so that one function can be applied to many inputs in parallel."""

# Q5
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(3) as pool:
        print(pool.map(square, [1, 2, 3, 4]))

# Q6
def shout(n):
    print('I am', n)

if __name__ == '__main__':
    for n in range(4):
        p = multiprocessing.Process(target=shout, args=(n,))
        p.start()
        p.join()

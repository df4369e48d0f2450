# Q1
# Multiprocessing lets a Python program run several processes at the same time, each with its own interpreter and memory, so CPU-bound work can use every core instead of being held back by the global interpreter lock.

# Q2
# Threads share one process and its memory, so they are cheap to start, but the GIL lets only one of them run Python code at a time. Processes each get their own memory and interpreter, cost more to create, and talk through pipes or queues, but they really run in parallel.

# Q3
import multiprocessing

def one():
    print('one')

def two():
    print('two')

if __name__ == '__main__':
    a = multiprocessing.Process(target=one)
    b = multiprocessing.Process(target=two)
    a.start()
    b.start()
    b.join()

# Q4
# A pool is a fixed group of worker processes that take tasks from a queue. We use it so that we do not have to create, start and join every process by hand, and so that one function can be applied to many inputs in parallel.

# Q5
from multiprocessing import Pool

if __name__ == '__main__':
    pool = Pool(2)
    print(pool)

# Q6
import multiprocessing

def num(n):
    print('value', n)

if __name__ == '__main__':
    ps = [multiprocessing.Process(target=num, args=(i,)) for i in range(4)]
    ps.append(multiprocessing.Process(target=num))
    for p in ps:
        p.start()
    for p in ps:
        p.join()

QUESTION:-1. What is multiprocessing in python? Why is it useful?
Multiprocessing lets a Python program run several processes at the same time, each with its own interpreter and memory, so work that needs the processor can use every core of the machine.


QUESTION:-2. What are the differences between multiprocessing and multithreading?
Threads share one process and its memory and take turns under the global interpreter lock, while processes have memory of their own, cost more to start and truly run side by side on many cores.


QUESTION:-3. Write a python code to create a process using the multiprocessing module.
import multiprocessing
def cube(n):
    print("Cube:", n ** 3)

if __name__ == "__main__":
    p = multiprocessing.Process(target=cube, args=(3,))
    p.start()
    p.join()


QUESTION:-4. What is a multiprocessing pool in python? Why is it used?
A pool keeps a fixed number of worker processes alive and hands them tasks from a queue, so a program does not pay for starting a new process for every small piece of work it wants done in parallel.


QUESTION:-5. How can we create a pool of worker processes in python using the multiprocessing module?
import multiprocessing
def twice(n):
    return 2 * n

if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=2)
    print(pool.map(twice, [1, 2, 3]))
    pool.close()
    pool.join()


QUESTION:-6. Write a python program to create 4 processes, each process should print a different number using the multiprocessing module in python.
import multiprocessing

def number(n):
    print("Process", n, "prints", n)

if __name__ == "__main__":
    ps = []
    for i in range(4):
        p = multiprocessing.Process(target=number, args=(i,))
        ps.append(p)
        p.start()
    for p in ps:
        p.join()

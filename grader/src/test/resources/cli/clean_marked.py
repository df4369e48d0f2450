# Q1. What is multiprocessing in python? Why is it useful?
# Multiprocessing lets one program run several operating-system processes at the same time. Each
# process has its own interpreter and memory, so CPU-bound work is not held back by the GIL and
# can use every core of the machine.

# Q2. What are the differences between multiprocessing and multithreading?
# Threads share one address space inside one process and take turns on the GIL, which suits
# waiting on input and output; processes have separate memory, cost more to start, talk through
# pipes or queues, and run Python code truly in parallel.

# Q3. Write a python code to create a process using the multiprocessing module.
import multiprocessing


def greet(who):
    print("hello from", who)


if __name__ == "__main__":
    worker = multiprocessing.Process(target=greet, args=("the child",))
    worker.start()
    worker.join()
    print("child finished with", worker.exitcode)

# Q4. What is a multiprocessing pool in python? Why is it used?
# A pool keeps a fixed set of worker processes alive and hands them tasks from a queue, so a
# function can be mapped over many inputs in parallel without creating a process per input.

# Q5. How can we create a pool of worker processes in python using the multiprocessing module?
def cube(n):
    return n ** 3


if __name__ == "__main__":
    with multiprocessing.Pool(processes=3) as pool:
        print(pool.map(cube, range(6)))

# Q6. Write a python program to create 4 processes, each process should print a different number.
def show(number):
    print("my number is", number)


if __name__ == "__main__":
    children = [multiprocessing.Process(target=show, args=(n,)) for n in (10, 20, 30, 40)]
    for child in children:
        child.start()
    for child in children:
        child.join()

#Q1. What is multithreading in python? Why is it used? Name the module used to handle threads in python
"""Multithreading runs several threads of one process at the same time; they share its memory. It keeps a program responsive while it waits on files or the network. The module is threading."""

#Q2. Why threading module used? Write the use of activeCount(), currentThread() and enumerate()
"""The threading module creates and manages threads. active_count() says how many threads are alive, current_thread() returns the thread that calls it, and enumerate() lists every thread alive."""
import threading
import time

def worker():
    time.sleep(0.05)

helper = threading.Thread(target=worker, name="helper")
helper.start()
print("alive:", threading.activeCount())
print("this thread:", threading.currentThread().getName())
for t in threading.enumerate():
    print("running:", t.name)
helper.join()

#Q3. Explain run(), start(), join() and isAlive()
"""run() holds the work of the thread; start() makes the new thread and calls run() in it; join() waits until the thread ends; isAlive() said whether it still runs (is_alive() today)."""

#Q4. Write a python program to create two threads. Thread one must print the list of squares and thread two must print the list of cubes.
import threading
import time

def print_squares():
    for i in range(1, 6):
        print("square", i * i)
        time.sleep(0.01)

def print_cubes():
    for i in range(1, 6):
        print("cube", i ** 3)
        time.sleep(0.01)

thread1 = threading.Thread(target=print_squares)
thread2 = threading.Thread(target=print_cubes)
thread1.start()
thread2.start()
thread1.join()
thread2.join()

#Q5. State advantages and disadvantages of multithreading.
"""Threads are cheap to make and share memory, which helps programs that wait on input and output. But the GIL lets one thread run Python at a time, and shared data needs locks, which makes bugs harder to find."""

#Q6. Explain deadlocks and race conditions.
"""A deadlock is two threads each holding a lock the other waits for, so both wait forever. A race condition is a result that depends on which thread runs first, when threads change shared data without a lock."""

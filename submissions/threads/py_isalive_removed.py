# Q1. What is multithreading in python? Why is it used? Name the module used to handle threads in python
# Multithreading runs several threads of one process at the same time; they share its memory. It keeps a program responsive while it waits on files or the network. The module is threading.

# Q2. Why threading module used? Write the use of the following functions: 1. activeCount() 2. currentThread() 3. enumerate()
# The threading module creates and manages threads. active_count() says how many threads are alive, current_thread() returns the thread that calls it, and enumerate() lists every thread alive.

# Q3. Explain the following functions: 1. run() 2. start() 3. join() 4. isAlive()
# run() holds the work of the thread; start() makes the new thread and calls run() in it; join() waits until the thread ends; isAlive() said whether it still runs (is_alive() today).

# Q4. Write a python program to create two threads. Thread one must print the list of squares and thread two must print the list of cubes.
import threading

def squares():
    print([n * n for n in range(1, 6)])

def cubes():
    print([n ** 3 for n in range(1, 6)])

one = threading.Thread(target=squares)
two = threading.Thread(target=cubes)
one.start()
two.start()
while one.isAlive() or two.isAlive():
    pass
one.join()
two.join()

# Q5. State advantages and disadvantages of multithreading.
# Threads are cheap to make and share memory, which helps programs that wait on input and output. But the GIL lets one thread run Python at a time, and shared data needs locks, which makes bugs harder to find.

# Q6. Explain deadlocks and race conditions.
# A deadlock is two threads each holding a lock the other waits for, so both wait forever. A race condition is a result that depends on which thread runs first, when threads change shared data without a lock.

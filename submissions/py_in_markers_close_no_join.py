#!/usr/bin/env python
# coding: utf-8

# In[1]:


# Question 1 Ans :
# Multiprocessing lets a Python program run several processes at the same time, each with its own interpreter and memory, so CPU-bound work can use every core instead of being held back by the global interpreter lock.


# In[2]:


# Question 2 Ans :
# Threads share one process and its memory, so they are cheap to start, but the GIL lets only one of them run Python code at a time. Processes each get their own memory and interpreter, cost more to create, and talk through pipes or queues, but they really run in parallel.


# In[3]:


# Question 3 Ans :
import multiprocessing

def greet(name):
    print("hello from", name)

if __name__ == "__main__":
    worker = multiprocessing.Process(target=greet, args=("the child",))
    worker.start()
    worker.join()
    print("parent finished")


# In[4]:


# Question 4 Ans :
# A pool is a fixed group of worker processes that take tasks from a queue. We use it so that we do not have to create, start and join every process by hand, and so that one function can be applied to many inputs in parallel.


# In[5]:


# Question 5 Ans :
from multiprocessing import Pool

def double(v):
    return 2 * v

if __name__ == '__main__':
    pool = Pool(2)
    print(pool.map(double, [1, 2, 3]))
    pool.close()


# In[6]:


# Question 6 Ans :
import multiprocessing

def show(n):
    print("number", n)

if __name__ == "__main__":
    procs = [multiprocessing.Process(target=show, args=(i,)) for i in range(1, 5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()

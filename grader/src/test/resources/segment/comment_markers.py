# Q1. What is multiprocessing in python? Why is it useful?
# It runs work in several processes at once so that every core of the machine does something useful.

# Q3
import multiprocessing

def f():
    print("hi")

if __name__ == "__main__":
    p = multiprocessing.Process(target=f)
    p.start()
    p.join()

# Q5
print("pool here")

# Fixture for target-called.
# case: the target function called in the parent
from multiprocessing import Process

def show():
    print("hello")

if __name__ == "__main__":
    p = Process(target=show())  # expect: target-called
    p.start()
    p.join()
# case: print called as the target
import multiprocessing

if __name__ == "__main__":
    p = multiprocessing.Process(target=print("hi"))  # expect: target-called
    p.start()
    p.join()
# case: a pool given the result of a call
from multiprocessing import Pool

def square(x):
    print(x * x)

if __name__ == "__main__":
    with Pool(2) as pool:
        pool.map(square(3), [1, 2])  # expect: target-called
# case: a factory that returns the function to run
from multiprocessing import Process

def show():
    print("hello")

def pick():
    return show

if __name__ == "__main__":
    p = Process(target=pick())
    p.start()
    p.join()
# case: functools.partial is a callable
import functools
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    p = Process(target=functools.partial(show, 3))
    p.start()
    p.join()
# case: the function passed by name
from multiprocessing import Process

def show():
    print("hello")

if __name__ == "__main__":
    p = Process(target=show)
    p.start()
    p.join()

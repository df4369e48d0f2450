# Fixture for unpicklable-callable.
# case: a lambda given to pool.map
from multiprocessing import Pool

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(lambda x: x * x, range(4)))  # expect: unpicklable-callable
# case: a nested function given to apply_async
from multiprocessing import Pool

def main():
    def square(x):
        return x * x

    with Pool(2) as pool:
        r = pool.apply_async(square, (3,))  # expect: unpicklable-callable
        print(r.get())

if __name__ == "__main__":
    main()
# case: a lambda as a Process target (works with fork only)
from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=lambda: print("hi"))  # expect: unpicklable-callable
    p.start()
    p.join()
# case: a lambda given to a thread pool needs no pickling
from multiprocessing.dummy import Pool as ThreadPool

if __name__ == "__main__":
    with ThreadPool(2) as pool:
        print(pool.map(lambda x: x + 1, range(4)))
# case: a module-level function by name
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(4)))

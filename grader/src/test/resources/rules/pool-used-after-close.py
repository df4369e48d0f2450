# Fixture for pool-used-after-close.
# case: map after close
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    pool.close()
    print(pool.map(square, range(4)))  # expect: pool-used-after-close
    pool.join()
# case: map after the with block
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        first = pool.map(square, range(4))
    second = pool.map(square, range(4))  # expect: pool-used-after-close
    print(first, second)
# case: submit after shutdown
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    ex = ProcessPoolExecutor(2)
    ex.shutdown()
    f = ex.submit(square, 3)  # expect: pool-used-after-close
    print(f.result())
# case: a new pool in each iteration
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    for size in (1, 2):
        with Pool(size) as pool:
            print(pool.map(square, range(4)))
# case: everything handed out before close
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    a = pool.map(square, range(4))
    b = pool.apply(square, (5,))
    pool.close()
    pool.join()
    print(a, b)

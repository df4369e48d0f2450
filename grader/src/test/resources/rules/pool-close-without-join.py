# Fixture for pool-close-without-join.
# case: closed, never joined
import multiprocessing

def square(x):
    return x * x

if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=4)
    results = pool.map(square, [1, 2, 3, 4, 5])
    print(results)
    pool.close()  # expect: pool-close-without-join
# case: closed in one function, never joined
from multiprocessing import Pool

def square(x):
    return x * x

def finish(p):
    p.close()  # expect: pool-close-without-join

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, range(4)))
    finish(pool)
# case: closed and joined
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, range(4)))
    pool.close()
    pool.join()
# case: closed inside a with block (leaving it waits)
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(4)))
        pool.close()

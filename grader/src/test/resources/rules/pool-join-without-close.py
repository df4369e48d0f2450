# Fixture for pool-join-without-close.
# case: join with no close
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, range(4)))
    pool.join()  # expect: pool-join-without-close
    pool.close()
# case: join inside the with block
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(4)))
        pool.join()  # expect: pool-join-without-close
# case: close then join
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, range(4)))
    pool.close()
    pool.join()
# case: close and join inside the with block
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        results = pool.map_async(square, range(4))
        pool.close()
        pool.join()
        print(results.get())

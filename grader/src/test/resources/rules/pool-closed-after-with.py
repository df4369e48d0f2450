# Fixture for pool-closed-after-with.
# case: close and join again after the with block
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(4)))
    pool.close()  # expect: pool-closed-after-with
    pool.join()
# case: close and join inside the block
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(4)))
        pool.close()
        pool.join()

# Q1
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, [1, 2]))
    pool.close()
    pool.join()

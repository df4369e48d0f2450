# Q1
from multiprocessing import Pool

def cube(x):
    return x ** 3

if __name__ == "__main__":
    with Pool(2) as pool:
        results = [pool.apply_async(cube, (i,)) for i in range(3)]
        print([r.get() for r in results])

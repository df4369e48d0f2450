# Q1
from multiprocessing import Pool

if __name__ == "__main__":
    with Pool(2) as pool:
        print([x * x for x in range(5)])

# Q1
from multiprocessing import Pool

def square(x):
    return x * x

def squares(numbers):
    with Pool(2) as pool:
        return pool.map(square, numbers)

if __name__ == "__main__":
    print(squares([1, 2, 3]))

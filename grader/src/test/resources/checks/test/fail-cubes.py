# Q1
# evidence: assert answer.squares([1, 2, 3]) == [1, 4, 9]: answer.squares([1, 2, 3]) is [1, 8, 27], [1, 4, 9] is [1, 4, 9]
from multiprocessing import Pool

def cube(x):
    return x ** 3

def squares(numbers):
    with Pool(2) as pool:
        return pool.map(cube, numbers)

if __name__ == "__main__":
    print(squares([1, 2, 3]))

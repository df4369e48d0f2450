# Fixture for executor-not-shutdown.
# case: an executor left running
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    ex = ProcessPoolExecutor(max_workers=2)  # expect: executor-not-shutdown
    print(list(ex.map(square, range(4))))
# case: through the package name
import concurrent.futures

def square(x):
    return x * x

if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor()  # expect: executor-not-shutdown
    print(ex.submit(square, 2).result())
# case: a with block
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(square, range(4))))
# case: shut down by hand
import concurrent.futures as cf

def square(x):
    return x * x

if __name__ == "__main__":
    ex = cf.ProcessPoolExecutor(2)
    print(list(ex.map(square, range(4))))
    ex.shutdown(wait=True)

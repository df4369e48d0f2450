# Fixture for async-result-not-fetched.
# case: apply_async results thrown away
from multiprocessing import Pool

def show(n):
    print(n)

if __name__ == "__main__":
    pool = Pool(4)
    for n in range(4):
        pool.apply_async(show, (n,))  # expect: async-result-not-fetched
    pool.close()
    pool.join()
# case: map_async kept but never read
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        pending = pool.map_async(square, range(4))  # expect: async-result-not-fetched
        pending.wait()
# case: a future never asked for its result
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        ex.submit(square, 3)  # expect: async-result-not-fetched
# case: results kept in a list and fetched
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        results = [pool.apply_async(square, (n,)) for n in range(4)]
        print([r.get() for r in results])
# case: get() chained on the call
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map_async(square, range(4)).get(timeout=5))
# case: an error callback is given
from multiprocessing import Pool

def show(n):
    print(n)

if __name__ == "__main__":
    pool = Pool(2)
    for n in range(4):
        pool.apply_async(show, (n,), error_callback=print)
    pool.close()
    pool.join()
# case: futures handed to as_completed
from concurrent.futures import ProcessPoolExecutor, as_completed

def square(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        futures = [ex.submit(square, n) for n in range(4)]
        for f in as_completed(futures):
            print(f.result())
# case: a callback collects the values but errors are still lost
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    squares = []
    pool = Pool(2)
    for n in range(4):
        pool.apply_async(square, (n,), callback=squares.append)  # expect: async-result-not-fetched
    pool.close()
    pool.join()
    print(squares)
# case: results kept in a dict and fetched through items()
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    with Pool(2) as pool:
        pending = {}
        for n in range(4):
            pending[n] = pool.apply_async(square, (n,))
        for n, r in pending.items():
            print(n, r.get(timeout=5))

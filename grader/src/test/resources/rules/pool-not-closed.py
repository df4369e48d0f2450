# Fixture for pool-not-closed.
# case: a pool used and left open, as in a class-based attempt
from multiprocessing import Pool, Process

class Worker(Process):
    def __init__(self):
        print("Worker started")
        super(Worker, self).__init__()

    def compute(self, data):
        return data * data

if __name__ == "__main__":
    worker = Worker()
    print(worker.compute(3))
    pool = Pool(processes=4,  # expect: pool-not-closed
                initializer=Worker)
    data = range(10)
    result = pool.map(worker.compute, data)
# case: created in a helper function that is called under the guard
import multiprocessing as mp

def square(x):
    return x * x

def run():
    pool = mp.Pool(2)  # expect: pool-not-closed
    print(pool.map(square, range(4)))

if __name__ == "__main__":
    run()
# case: closed and joined
import multiprocessing

def square(x):
    return x * x

if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=4)
    print(pool.map(square, range(10)))
    pool.close()
    pool.join()
# case: a with block, through an alias
from multiprocessing import Pool as P

def square(x):
    return x * x

if __name__ == "__main__":
    with P(4) as p:
        print(p.map(square, range(10)))
# case: terminated and joined
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(2)
    print(pool.map(square, range(4)))
    pool.terminate()
    pool.join()
# case: returned to the caller, which closes it
from multiprocessing import Pool

def square(x):
    return x * x

def make_pool():
    return Pool(2)

if __name__ == "__main__":
    pool = make_pool()
    print(pool.map(square, range(4)))
    pool.close()
    pool.join()
# case: several pools made by a comprehension, none closed
from multiprocessing import Pool

def square(x):
    return x * x

if __name__ == "__main__":
    pools = [Pool(2) for _ in range(2)]  # expect: pool-not-closed
    for pool in pools:
        print(pool.map(square, range(4)))

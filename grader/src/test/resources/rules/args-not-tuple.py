# Fixture for args-not-tuple.
# case: brackets around one name
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    num = 5
    p = Process(target=show, args=(num))  # expect: args-not-tuple
    p.start()
    p.join()
# case: a number with no brackets at all
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    p = Process(target=show, args=5)  # expect: args-not-tuple
    p.start()
    p.join()
# case: apply_async with brackets around one value
from multiprocessing import Pool

def show(n):
    print(n)

if __name__ == "__main__":
    with Pool(2) as pool:
        r = pool.apply_async(show, (7))  # expect: args-not-tuple
        r.get()
# case: a real one-value tuple, a list and a tuple variable
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    values = (3,)
    ps = [Process(target=show, args=(1,)), Process(target=show, args=[2]), Process(target=show, args=(values))]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
# case: arguments built by a call
from multiprocessing import Process

def show(n):
    print(n)

def make_args(n):
    return (n,)

if __name__ == "__main__":
    p = Process(target=show, args=make_args(4))
    p.start()
    p.join()

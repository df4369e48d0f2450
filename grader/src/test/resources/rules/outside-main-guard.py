# Fixture for outside-main-guard.
# case: a script that starts a process at the top level
from multiprocessing import Process

def work():
    print("x")

p = Process(target=work)  # expect: outside-main-guard
p.start()
p.join()
# case: a pool in a function called from the top level
import multiprocessing

def square(x):
    return x * x

def main():
    with multiprocessing.Pool(2) as pool:  # expect: outside-main-guard
        print(pool.map(square, range(4)))

main()
# case: four unguarded processes give one finding
from multiprocessing import Process

def show(n):
    print(n)

procs = [Process(target=show, args=(1,)), Process(target=show, args=(2,))]  # expect: outside-main-guard
procs.append(Process(target=show, args=(3,)))
procs.append(Process(target=show, args=(4,)))
for p in procs:
    p.start()
for p in procs:
    p.join()
# case[notebook]: notebook cells at the top level get advice only
import multiprocessing

def work():
    print("x")

p = multiprocessing.Process(target=work)  # expect: outside-main-guard
p.start()
p.join()
# case: under the guard
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    p.join()
# case: the guard written the other way round, calling main
from multiprocessing import Pool

def square(x):
    return x * x

def main():
    with Pool(2) as pool:
        print(pool.map(square, range(4)))

if "__main__" == __name__:
    main()
# case: a function nobody calls at the top level
from multiprocessing import Process

def work():
    print("x")

def start_worker():
    p = Process(target=work)
    p.start()
    return p

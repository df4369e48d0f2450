# Fixture for join-before-start.
# case: join before start
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.join()  # expect: join-before-start
    p.start()
# case: joined, never started
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.join()  # expect: join-before-start
# case: start then join
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    p.join()
# case: the previous process joined at the top of the loop
from multiprocessing import Process

def work(n):
    print(n)

if __name__ == "__main__":
    previous = None
    for n in range(3):
        if previous is not None:
            previous.join()
        previous = Process(target=work, args=(n,))
        previous.start()
    previous.join()

# Q1
from multiprocessing import Process, Queue

def square(n, out):
    out.put(n * n)

if __name__ == "__main__":
    out = Queue()
    ps = [Process(target=square, args=(n, out)) for n in range(3)]
    for p in ps:
        p.start()
    print(sorted(out.get() for _ in ps))
    for p in ps:
        p.join()

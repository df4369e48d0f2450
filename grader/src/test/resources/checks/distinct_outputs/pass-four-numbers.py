# Q1
from multiprocessing import Process

def show(n):
    print("Process", n, "prints", n * 10)

if __name__ == "__main__":
    ps = [Process(target=show, args=(i,)) for i in range(1, 5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

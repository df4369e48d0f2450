# Q1
from multiprocessing import Process

def show():
    print(7)

if __name__ == "__main__":
    ps = [Process(target=show) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

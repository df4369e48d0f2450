# Q1
from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=print, args=("x",))
    p.start()
    p.join()

# Q1
from multiprocessing import Process

def hello():
    print("hello from the child")

if __name__ == "__main__":
    p = Process(target=hello)
    p.start()
    p.join()

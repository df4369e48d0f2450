# Q1
from multiprocessing import Process

def work():
    print("in the parent, really")

if __name__ == "__main__":
    p = Process(target=work)
    p.run()

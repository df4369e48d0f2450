# Q1
# evidence: target work
from multiprocessing import Process

def work(n):
    print("child", n)

if __name__ == "__main__":
    p = Process(target=work, args=(1,))
    p.start()
    p.join()

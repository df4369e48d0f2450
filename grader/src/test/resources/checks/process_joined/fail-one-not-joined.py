# Q1
# evidence: started at line 12 was never joined
from multiprocessing import Process

def work(n):
    print(n)

if __name__ == "__main__":
    a = Process(target=work, args=(1,))
    b = Process(target=work, args=(2,))
    a.start()
    b.start()
    a.join()

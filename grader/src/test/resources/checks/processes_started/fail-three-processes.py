# Q1
# evidence: 3
from multiprocessing import Process

def work(n):
    print(n)

if __name__ == "__main__":
    ps = [Process(target=work, args=(i,)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

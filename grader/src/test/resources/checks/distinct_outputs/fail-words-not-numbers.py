# Q1
from multiprocessing import Process

def show(word):
    print(word)

if __name__ == "__main__":
    ps = [Process(target=show, args=(w,)) for w in ["one", "two", "three", "four"]]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

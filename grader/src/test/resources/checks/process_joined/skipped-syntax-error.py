# Q1
from multiprocessing import Process
if __name__ == "__main__"
    Process(target=print).start()

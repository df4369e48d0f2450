# Q1
# evidence: time limit
import time
from multiprocessing import Process

def forever():
    while True:
        time.sleep(0.1)

if __name__ == "__main__":
    p = Process(target=forever)
    p.start()
    p.join()

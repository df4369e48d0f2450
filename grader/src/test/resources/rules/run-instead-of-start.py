# Fixture for run-instead-of-start.
# case: a thread run, not started
import threading

def work():
    print("x")

t = threading.Thread(target=work)
t.run()  # expect: run-instead-of-start
# case: a process run, not started
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.run()  # expect: run-instead-of-start
# case: started, and run() called by the subclass itself is its own business
import threading

class Worker(threading.Thread):
    def run(self):
        print("working")

w = Worker()
w.start()
w.join()

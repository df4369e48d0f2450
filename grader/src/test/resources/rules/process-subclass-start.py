# Fixture for process-subclass-start.
# case: the work put in start()
from multiprocessing import Process

class Worker(Process):
    def start(self):  # expect: process-subclass-start
        print("working")

if __name__ == "__main__":
    w = Worker()
    w.start()
    w.join()
# case: start() extended, still calling the parent's
import multiprocessing

class Worker(multiprocessing.Process):
    def start(self):
        print("starting")
        super().start()

    def run(self):
        print("working")

if __name__ == "__main__":
    w = Worker()
    w.start()
    w.join()
# case: the work in run()
from multiprocessing import Process

class Worker(Process):
    def run(self):
        print("working")

if __name__ == "__main__":
    w = Worker()
    w.start()
    w.join()

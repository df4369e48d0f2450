# Fixture for process-subclass-no-super-init.
# case: __init__ without the parent's
from multiprocessing import Process

class Worker(Process):
    def __init__(self, n):  # expect: process-subclass-no-super-init
        self.n = n

    def run(self):
        print(self.n)

if __name__ == "__main__":
    w = Worker(3)
    w.start()
    w.join()
# case: the old-style super call
from multiprocessing import Process

class Worker(Process):
    def __init__(self, n):
        super(Worker, self).__init__()
        self.n = n

    def run(self):
        print(self.n)

if __name__ == "__main__":
    w = Worker(3)
    w.start()
    w.join()
# case: the parent called by name
import multiprocessing

class Worker(multiprocessing.Process):
    def __init__(self, n):
        multiprocessing.Process.__init__(self)
        self.n = n

    def run(self):
        print(self.n)

if __name__ == "__main__":
    w = Worker(3)
    w.start()
    w.join()
# case: a class that is not a Process
class Counter:
    def __init__(self):
        self.n = 0

# Fixture for process-not-joined. Cases where it fires carry "# expect:" at the line; all others stay quiet.
# case: started, never joined
import multiprocessing

def work():
    print("hello")

if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()  # expect: process-not-joined
# case: a variable named like the module alias, started only
import multiprocessing

def test():
    print("child")

if __name__ == '__main__':
    mp = multiprocessing.Process(target=test)
    mp.start()  # expect: process-not-joined
# case: started without a name to join it by
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    Process(target=work).start()  # expect: process-not-joined
# case: only the last process of the loop is joined
from multiprocessing import Process

def show(n):
    print(n)

if __name__ == "__main__":
    for i in range(4):
        p = Process(target=show, args=(i,))
        p.start()
    p.join()  # expect: process-not-joined
# case: four started in a list, none joined
import multiprocessing as mp

def show(n):
    print(n)

if __name__ == "__main__":
    procs = [mp.Process(target=show, args=(n,)) for n in range(4)]
    for p in procs:
        p.start()  # expect: process-not-joined
# case: a daemon started and never joined
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    d = Process(target=work, daemon=True)
    d.start()  # expect: process-not-joined
# case: started and joined
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    p.join()
# case: created but never started is not this rule
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    print(p.name)
# case: handed to code we cannot follow
from multiprocessing import Process
import helpers

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    helpers.wait_for(p)
# case: kept on an object and joined through it
from multiprocessing import Process

def work():
    print("x")

class Runner:
    def go(self):
        self.p = Process(target=work)
        self.p.start()

    def wait(self):
        self.p.join()

if __name__ == "__main__":
    r = Runner()
    r.go()
    r.wait()
# case: started through an assignment expression, inside try
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    try:
        (p := Process(target=work)).start()  # expect: process-not-joined
    except OSError:
        pass
# case: join written without brackets does not join
from multiprocessing import Process

def work():
    print("x")

if __name__ == "__main__":
    p = Process(target=work)
    p.start()  # expect: process-not-joined
    p.join

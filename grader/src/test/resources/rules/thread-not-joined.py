# Fixture for thread-not-joined.
# case: started, never joined
import threading

def work():
    print("x")

t = threading.Thread(target=work)
t.start()  # expect: thread-not-joined
# case: from threading import Thread, a daemon never joined
from threading import Thread

def work():
    print("x")

d = Thread(target=work, daemon=True)
d.start()  # expect: thread-not-joined
# case: a loop joins only the last
import threading

def work(n):
    print(n)

for i in range(3):
    t = threading.Thread(target=work, args=(i,))
    t.start()
t.join()  # expect: thread-not-joined
# case: every thread kept and joined
import threading

def work(n):
    print(n)

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# case: a Thread subclass, joined
import threading

class Worker(threading.Thread):
    def run(self):
        print("working")

w = Worker()
w.start()
w.join()
# case: a Thread subclass, never joined
import threading

class Worker(threading.Thread):
    def run(self):
        print("working")

w = Worker()
w.start()  # expect: thread-not-joined
# case: handed to a function that may join it
import threading

def wait_for(t):
    t.join()

t = threading.Thread(target=print, args=("x",))
t.start()
wait_for(t)

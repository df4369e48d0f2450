# Q1
import threading

def square(n):
    print("square of", n, "is", n * n)

threads = [threading.Thread(target=square, args=(n,)) for n in (2, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

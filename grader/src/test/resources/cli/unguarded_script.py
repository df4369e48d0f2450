# Q3
import multiprocessing

def greet():
    print("hello")

p = multiprocessing.Process(target=greet)
p.start()
p.join()

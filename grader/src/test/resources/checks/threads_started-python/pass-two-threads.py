# Q1
import threading

def squares(nums):
    print([n * n for n in nums])

def cubes(nums):
    print([n ** 3 for n in nums])

t1 = threading.Thread(target=squares, args=([1, 2, 3],))
t2 = threading.Thread(target=cubes, args=([1, 2, 3],))
t1.start()
t2.start()
t1.join()
t2.join()

# Q1
# evidence: 1 thread started by the answer
import threading

def both(nums):
    print([n * n for n in nums])
    print([n ** 3 for n in nums])

t = threading.Thread(target=both, args=([1, 2, 3],))
t.start()
t.join()

# Q1
# evidence: never get()
import queue

q = queue.LifoQueue()
for i in range(3):
    q.put(i)
print(q.qsize())

# Q1
import threading

ts = [threading.Thread(target=print, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()

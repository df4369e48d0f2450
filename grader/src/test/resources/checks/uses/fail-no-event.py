# Q1
# evidence: no Event was made
import threading, time

flag = []
t = threading.Thread(target=lambda: flag.append(1))
t.start()
t.join()
print(flag)

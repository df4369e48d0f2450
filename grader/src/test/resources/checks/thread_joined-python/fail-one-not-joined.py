# Q1
# evidence: started at line 7 was never joined
import threading

a = threading.Thread(target=print, args=("a",))
b = threading.Thread(target=print, args=("b",))
a.start(); b.start()
a.join()

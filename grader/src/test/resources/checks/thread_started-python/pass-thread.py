# Q1
# evidence: (target work) started at line 9
import threading

def work():
    print("working")

t = threading.Thread(target=work)
t.start()
t.join()

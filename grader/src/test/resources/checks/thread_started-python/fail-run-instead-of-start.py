# Q1
# evidence: run() called at line 9 instead of start()
import threading

def work():
    print("working")

t = threading.Thread(target=work)
t.run()

# Q1
import threading

class Worker(threading.Thread):
    def run(self):
        print("working in", self.name)

w = Worker()
w.start()
w.join()

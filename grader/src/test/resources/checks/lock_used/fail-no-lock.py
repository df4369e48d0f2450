# Q1
import threading

t = threading.Thread(target=print, args=("unguarded",))
t.start()
t.join()

# Q1
# evidence: printed "[1, 4, 9]"
import threading

t = threading.Thread(target=lambda: print([n * n for n in (1, 2, 3)]))
t.start()
t.join()

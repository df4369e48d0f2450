# Q1
# evidence: printed "[1, 4, 9, 16]"
import threading

def print_squares(numbers):
    print([n * n for n in numbers])

t = threading.Thread(target=print_squares, args=([1, 2, 3, 4],))
t.start()
t.join()

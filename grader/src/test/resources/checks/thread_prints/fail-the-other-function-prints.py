# Q1
# evidence: no thread running a function matching 'sq' ran
import threading

def cubes(numbers):
    print([n ** 3 for n in numbers])

t = threading.Thread(target=cubes, args=([1, 2, 3],))
t.start()
t.join()

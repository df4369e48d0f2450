# Q1
# evidence: none printed
import threading

results = []

def squares(numbers):
    results.extend(n * n for n in numbers)

t = threading.Thread(target=squares, args=([1, 2, 3],))
t.start()
t.join()
print(results)

# Q1
import threading

result = []
t = threading.Thread(target=lambda: result.append(sum(range(10))))
t.start()
t.join()
print(result)

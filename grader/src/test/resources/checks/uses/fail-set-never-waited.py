# Q1
# evidence: never wait()
import threading

done = threading.Event()
t = threading.Thread(target=done.set)
t.start()
t.join()
done.set()
print(done.is_set())

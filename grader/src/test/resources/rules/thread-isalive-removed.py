# Fixture for thread-isalive-removed.
# case: isAlive() in a loop
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.1,))
t.start()
while t.isAlive():  # expect: thread-isalive-removed
    time.sleep(0.01)
t.join()
# case: is_alive() is the name to use
import threading
import time

t = threading.Thread(target=time.sleep, args=(0.1,))
t.start()
print(t.is_alive())
t.join()

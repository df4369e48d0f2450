# Fixture for threading-deprecated-alias.
# case: the camelCase functions of the module
import threading

print(threading.activeCount())  # expect: threading-deprecated-alias
print(threading.currentThread())  # expect: threading-deprecated-alias
# case: imported by name
from threading import currentThread

print(currentThread())  # expect: threading-deprecated-alias
# case: the camelCase methods
import threading

e = threading.Event()
print(e.isSet())  # expect: threading-deprecated-alias
t = threading.current_thread()
print(t.getName())  # expect: threading-deprecated-alias
# case: the names of PEP 8
import threading

print(threading.active_count(), threading.current_thread().name, threading.enumerate())
e = threading.Event()
print(e.is_set())

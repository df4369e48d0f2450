# Q1
# evidence: ThreadPoolExecutor created at line 5 was never closed
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
print(ex.submit(pow, 2, 8).result())

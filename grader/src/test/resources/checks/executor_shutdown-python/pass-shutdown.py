# Q1
# evidence: shut down at line 7
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
print(ex.submit(pow, 2, 8).result())
ex.shutdown(wait=True)

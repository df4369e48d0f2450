# Q1
# evidence: submit(pow) at line 6
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
print(ex.submit(pow, 2, 8).result())
ex.shutdown()

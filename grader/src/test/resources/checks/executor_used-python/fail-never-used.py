# Q1
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
print(pow(2, 8))
ex.shutdown()

# Q1
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(2) as ex:
    print(ex.submit(pow, 2, 8).result())

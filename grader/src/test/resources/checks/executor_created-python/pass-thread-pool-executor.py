# Q1
# evidence: ThreadPoolExecutor(3) created at line 5
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=3) as ex:
    print(ex.submit(pow, 2, 8).result())

# Q1
from multiprocessing.pool import ThreadPool

with ThreadPool(1) as pool:
    print(pool.map(abs, [-1]))

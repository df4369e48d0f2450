# Q1
from concurrent.futures import ThreadPoolExecutor

def show(n):
    print("task", n)

with ThreadPoolExecutor(2) as ex:
    list(ex.map(show, [1, 2]))

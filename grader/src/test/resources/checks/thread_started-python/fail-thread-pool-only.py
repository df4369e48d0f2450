# Q1
# evidence: only executor workers ran
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(2) as ex:
    print(list(ex.map(abs, [-1, -2])))

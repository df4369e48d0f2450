# Q1
# evidence: Pool
from multiprocessing import Pool

if __name__ == "__main__":
    pool = Pool(2)
    pool.close()
    pool.join()

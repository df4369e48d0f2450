from multiprocessing import Pool

def tell(n):
    print('task prints', n)

if __name__ == '__main__':
    with Pool(4) as pool:
        pool.map(tell, [1, 2, 3, 4])

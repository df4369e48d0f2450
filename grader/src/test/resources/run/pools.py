import multiprocessing


def show(n):
    print("task", n)
    return n


def add(a, b):
    print("sum", a + b)
    return a + b


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        pool.map(show, [1, 2, 3, 4])
        pool.starmap(add, [(1, 2), (3, 4)])
        pool.apply_async(show, (9,)).get()
        list(pool.imap(show, [5, 6]))
    leaky = multiprocessing.Pool(2)
    leaky.map(show, [7])
    leaky.close()
    multiprocessing.Pool(1).apply(show, (8,))

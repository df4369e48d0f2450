from concurrent.futures import ProcessPoolExecutor


def double(n):
    print("double", n)
    return 2 * n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(double, [1, 2, 3])))
        print(ex.submit(double, 10).result())

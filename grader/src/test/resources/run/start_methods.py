import multiprocessing


def say(n):
    print("number", n)


if __name__ == "__main__":
    multiprocessing.set_start_method(input().strip())
    ps = [multiprocessing.Process(target=say, args=(i,)) for i in range(1, 5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()

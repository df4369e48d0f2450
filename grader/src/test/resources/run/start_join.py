import multiprocessing


def hello(name):
    print("hello", name)


if __name__ == "__main__":
    joined = multiprocessing.Process(target=hello, args=("one",))
    forgotten = multiprocessing.Process(target=hello, args=("two",))
    joined.start()
    forgotten.start()
    joined.join()
    print("parent done")

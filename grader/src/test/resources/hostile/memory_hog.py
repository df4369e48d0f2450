# Q3
import multiprocessing


def hog():
    chunks = []
    while True:
        chunks.append(bytearray(16 << 20))


if __name__ == "__main__":
    p = multiprocessing.Process(target=hog)
    p.start()
    hog()

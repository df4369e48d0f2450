# Q3
import multiprocessing
import signal
import time


def stubborn():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    p = multiprocessing.Process(target=stubborn)
    p.start()
    p.terminate()
    print("asked it to stop")

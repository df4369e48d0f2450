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
    # flushed: when the child ignores SIGTERM before it arrives, the exit hangs in join() and the run is killed
    print("asked it to stop", flush=True)

# Q1
import multiprocessing as mp

def child(ev):
    ev.set()

if __name__ == "__main__":
    ev = mp.Event()
    p = mp.Process(target=child, args=(ev,))
    p.start()
    ev.wait(5)
    p.join()
    print("set by the child:", ev.is_set())

import multiprocessing


def send(conn):
    conn.send(1)
    conn.close()


def receive(conn):
    while True:
        try:
            print(conn.recv(), flush=True)
        except EOFError:
            break


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    a, b = multiprocessing.Pipe()
    p1 = multiprocessing.Process(target=send, args=(b,))
    p2 = multiprocessing.Process(target=receive, args=(a,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()

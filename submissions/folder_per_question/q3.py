import multiprocessing

def greet(name):
    print("hello from", name)

if __name__ == "__main__":
    worker = multiprocessing.Process(target=greet, args=("the child",))
    worker.start()
    worker.join()
    print("parent finished")

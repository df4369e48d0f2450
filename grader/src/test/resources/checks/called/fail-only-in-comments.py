# Q1
# threading.active_count() gives the number of threads alive
# threading.current_thread() gives the thread that calls it
# threading.enumerate() lists the threads alive
print("see the comments")

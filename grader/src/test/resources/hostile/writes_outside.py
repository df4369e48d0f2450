# Q3
import os

targets = [
    "@TMP_MARKER@",
    "@SUBMISSIONS@/planted.py",
    os.path.join(os.path.expanduser("~"), "..", "escaped-home.txt"),
    "/dev/shm/@SHM_MARKER@",
    "/var/tmp/@TMP_NAME@",
]
for t in targets:
    try:
        with open(t, "w") as f:
            f.write("escaped")
        print("wrote", t)
    except OSError as e:
        print("could not write", t, type(e).__name__)

# Q3
for path in ("@SUBMISSIONS@/secret_other.py", "@RUBRIC@", "/etc/shadow", "/root/.bash_history"):
    try:
        with open(path) as f:
            print("read", path, f.read(200))
    except OSError as e:
        print("could not read", path, type(e).__name__)

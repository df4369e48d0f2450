# Q3
files = []
try:
    while True:
        files.append(open("/dev/null"))
except OSError as e:
    print("stopped after", len(files), "files:", type(e).__name__)

import json
import multiprocessing
import os
import sys


def work():
    print("child ran")


print(json.dumps({"a": 1}), os.getcwd(), "tampered_module" in sys.modules, "/TAMPERED" in sys.path)
p = multiprocessing.Process(target=work)
p.start()
p.join()
print("exit code", p.exitcode)

# Q1
# evidence: did not finish within 3 s
import time


def squares(numbers):
    while True:
        try:
            time.sleep(60)
        except BaseException:
            pass


print("squares defined")

# Q1
# evidence: did not finish within 3 s (it was at test-tests/squares_test.py line 5)
import queue


def squares(numbers):
    # waits for results no one ever puts
    results = queue.Queue()
    return [results.get() for _ in numbers]


print("squares defined")

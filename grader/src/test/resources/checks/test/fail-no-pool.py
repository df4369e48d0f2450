# Q1
# evidence: the squares were not computed by tasks of a pool
def squares(numbers):
    return [n * n for n in numbers]

print(squares([1, 2, 3]))

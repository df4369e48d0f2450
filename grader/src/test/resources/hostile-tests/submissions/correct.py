# Q1
def squares(numbers):
    return [n * n for n in numbers]

print(squares([1, 2]))

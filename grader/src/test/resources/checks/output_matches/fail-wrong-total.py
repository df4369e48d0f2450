# Q1
print("total:", sum([1, 2, 3]))

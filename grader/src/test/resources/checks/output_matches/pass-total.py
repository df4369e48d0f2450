# Q1
print("adding")
print("total:", sum([1, 2, 3, 4]))

import os

print(input())
print(" ".join(sorted(os.environ)))
print(os.getcwd())

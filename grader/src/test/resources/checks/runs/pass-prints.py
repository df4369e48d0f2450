# Q1
# evidence: exit code 0
print("hello")

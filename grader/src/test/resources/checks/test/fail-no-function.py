# Q1
# evidence: AttributeError: module '__main__' has no attribute 'squares'
print([n * n for n in [1, 2, 3]])

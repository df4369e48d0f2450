# Q1
# evidence: no Queue was made
items = []
items.append(1)
print(items.pop())

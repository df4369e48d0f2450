# Q1
# evidence: SyntaxError
print("unclosed"

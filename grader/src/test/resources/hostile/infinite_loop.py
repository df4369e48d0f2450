# Q3
while True:
    pass

# Q3
import sys

block = "flood " * 10000 + "\n"
while True:
    sys.stdout.write(block)

# Q1
# Processes run.

# Q1
# A process is started with start() and waited for with join().

# Q1
# A process has its own memory and interpreter; several of them run at the same time on different cores.

def deeper():
    raise ValueError("from the student's line 2")


deeper()

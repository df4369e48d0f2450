def fail():
    raise ValueError("bad value")


print("before")
fail()

# Q3
import socket

for host in ("127.0.0.1", "@HOST@"):
    try:
        with socket.create_connection((host, @PORT@), timeout=2) as s:
            s.sendall(b"escaped\n")
            print("connected to", host)
    except OSError as e:
        print("no connection to", host, type(e).__name__)

# Q3
import sys

sys.stdout.buffer.write(bytes(range(256)) * 4)
sys.stdout.buffer.write(b"\xff\xfe invalid utf-8 \xc3\x28 \x1b[2J\x1b]0;title\x07 done\n")
sys.stderr.buffer.write(b"\x00\x01 binary on stderr\n")

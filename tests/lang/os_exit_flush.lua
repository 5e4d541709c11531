-- os.exit flushes buffered output before leaving
io.write("buffered ")
print("line")
io.stdout:write("no newline at end")
os.exit(0)
print("never")

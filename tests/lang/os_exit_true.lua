-- os.exit(true) exits with success
print("ok")
os.exit(true)
print("unreachable")

-- os.exit with an integer status
print("before exit")
os.exit(3)

-- os.exit(false) exits with failure; close = true closes the state first
print("closing")
os.exit(false, true)

-- os.execute results: true/nil, "exit"/"signal", code
print(os.execute())
print(os.execute("true"))
print(os.execute("false"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
print(os.execute("kill -9 $$"))
print(os.execute("kill -15 $$"))
print(pcall(os.execute, {}))

-- os.execute: no command (shell available), exit codes, signals
print(os.execute())
print(os.execute("true"))
print(os.execute("false"))
print(os.execute("exit 7"))
print(os.execute("exit 255"))
print(os.execute("kill -15 $$"))
print(pcall(os.execute, {}))

-- os.getenv returns strings or nil
print(type(os.getenv("PATH")))
print(os.getenv("COVE_TEST_SURELY_UNSET_VARIABLE_123"))
print(os.getenv(""))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(type(os.getenv(123)))

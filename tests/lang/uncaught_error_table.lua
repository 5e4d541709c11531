-- An uncaught table error without __tostring is reported as "(error object is a table value)".
print("about to throw a table")
error({})

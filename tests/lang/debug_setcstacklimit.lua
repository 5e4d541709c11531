-- setcstacklimit is a no-op returning 0 in 5.4.4
print(debug.setcstacklimit(100))
print(debug.setcstacklimit(20000))
print(pcall(debug.setcstacklimit))
print(pcall(debug.setcstacklimit, "x"))

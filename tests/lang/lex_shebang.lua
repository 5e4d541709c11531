#!/usr/bin/env lua5.4 this first line is skipped by the loader
-- A leading '#' line is skipped when loading files (not by load on strings).
print("ran after shebang")
print(load("#!x\nreturn 1"))

-- The chunkname decides how error positions are shown: =name, @file, and [string "..."] truncation.
print(load("x = ", "=mychunk"))
print(load("x = ", "@some/file.lua"))
print(load("x = ", "plain name"))
print(load("x = "))
print(load("\n\nx = "))
print(load("local a = 1 -- a comment that makes the source quite long indeed\nx = "))
print(load("x = 'a very long single line chunk that goes on and on and on and on' +"))
print(type(load(function() return nil end, "=reader")))

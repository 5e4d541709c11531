-- A failing assert with a message raises it like error() at level 1, so the caller's position is added.
assert(false, "config file is missing")

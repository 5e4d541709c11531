-- A numeric error value is converted to a string with no position added.
error(42)

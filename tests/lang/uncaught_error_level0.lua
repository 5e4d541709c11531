-- error with level 0 carries no position.
error("no position here", 0)

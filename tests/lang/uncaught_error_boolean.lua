-- An uncaught boolean error value is described by its type.
error(true)

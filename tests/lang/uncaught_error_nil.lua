-- error(nil) uncaught: the standalone interpreter reports "(error object is a nil value)".
io.write("partial line ")
error(nil)

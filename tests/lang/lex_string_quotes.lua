-- Single and double quoted strings, each able to contain the other quote, and escaped quotes.
print('single "double" inside', "double 'single' inside")
print('it\'s', "say \"hi\"", '\\', "\\\"")
print(#'', #"", '' == "")
print("tab\tend", 'nl\\n literal')
print("\'", '\"', "\65\t\66")

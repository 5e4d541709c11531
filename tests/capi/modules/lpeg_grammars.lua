-- requires: lpeg
-- Debian's lua-lpeg binary, loaded with require: grammars (an arithmetic evaluator, a CSV
-- parser, balanced parentheses), captures of every kind, substitutions and errors.
local lpeg = require "lpeg"
local P, R, S, V, C, Ct, Cs, Cc, Cg, Cf, Cp, Cb =
  lpeg.P, lpeg.R, lpeg.S, lpeg.V, lpeg.C, lpeg.Ct, lpeg.Cs, lpeg.Cc, lpeg.Cg, lpeg.Cf, lpeg.Cp, lpeg.Cb
print(type(lpeg.version()), lpeg.type(P"x"), lpeg.type(1))

-- arithmetic with precedence, evaluated by folding captures
local space = S" \t\n"^0
local number = C(P"-"^-1 * R"09"^1 * (P"." * R"09"^1)^-1) * space / tonumber
local function tok(s) return P(s) * space end
local function fold(acc, op, v)
  if op == "+" then return acc + v elseif op == "-" then return acc - v
  elseif op == "*" then return acc * v else return acc / v end
end
local calc = P{ "Exp",
  Exp = Cf(V"Term" * Cg(C(S"+-") * space * V"Term")^0, fold),
  Term = Cf(V"Factor" * Cg(C(S"*/") * space * V"Factor")^0, fold),
  Factor = number + tok"(" * V"Exp" * tok")",
}
calc = space * calc * -1
for _, e in ipairs{"1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "2 * (3 + 4) * 5", "1 +", "-3.5 * 2"} do
  print(e, calc:match(e))
end

-- CSV with quoted fields
local field = '"' * Cs(((P(1) - '"') + P'""' / '"')^0) * '"' + C((1 - S',\n"')^0)
local record = Ct(field * (',' * field)^0)
local csv = Ct(record * ('\n' * record)^0) * -1
local rows = csv:match('a,b,c\n1,"two, with comma","say ""hi"""\n,,end')
for i, row in ipairs(rows) do print(i, #row, table.concat(row, "|")) end

-- balanced parentheses and positions
local bal = P{ "(" * ((1 - S"()") + V(1))^0 * ")" }
print(bal:match("(a(b)c)rest"), bal:match("((x)"), (Cp() * bal * Cp()):match("(()())!"))

-- captures: constant, group, back reference, table with named groups, substitution
print(Ct(Cg(C(R"az"^1), "key") * "=" * Cg(C(R"09"^1) / tonumber, "val")):match("abc=42").val)
print((Cc("k") * Cc(1, 2)):match(""))
local long_string = P"[" * Cg(P"="^0, "eq") * "[" * (1 - (P"]" * Cb"eq" * "]"))^0
print(lpeg.match(C(long_string), "[==[content]] ]==]"))
print(Cs((R"az" / string.upper + 1)^0):match("hello, World 42"))
local words = Ct((C(R("az", "AZ")^1) + 1)^0)
print(table.concat(words:match("the quick, brown fox!"), " "))
print(lpeg.match(S"abc"^1 * Cp(), "cabbage"))
print(lpeg.locale().digit:match("7"), lpeg.match(P"x"^-2 * -1, "xxx"))

-- errors raised by lpeg itself
print(pcall(lpeg.P, {}))
print(pcall(lpeg.match))
print(select("#", pcall(P"a".match, P"a", "b")))

-- A tiny expression language: tokenizer, recursive-descent parser to an AST, and an evaluator.
local function tokenize(src)
  local toks, i = {}, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", i); toks[#toks + 1] = {"num", tonumber(num)}; i = i + #num
    elseif c:match("%a") then
      local id = src:match("^%a%w*", i); toks[#toks + 1] = {"id", id}; i = i + #id
    else toks[#toks + 1] = {"op", c}; i = i + 1 end
  end
  toks[#toks + 1] = {"eof"}
  return toks
end
local function parse(toks)
  local pos = 1
  local function peek() return toks[pos] end
  local function take() pos = pos + 1; return toks[pos - 1] end
  local expr
  local function atom()
    local t = take()
    if t[1] == "num" then return {"num", t[2]} end
    if t[1] == "id" then
      if peek()[2] == "(" then take(); local arg = expr(); take(); return {"call", t[2], arg} end
      return {"var", t[2]}
    end
    if t[2] == "(" then local e = expr(); take(); return e end
    if t[2] == "-" then return {"neg", atom()} end
    error("unexpected token " .. tostring(t[2]), 0)
  end
  local function power() local b = atom(); if peek()[2] == "^" then take(); return {"^", b, power()} end return b end
  local function term()
    local l = power()
    while peek()[2] == "*" or peek()[2] == "/" do local op = take()[2]; l = {op, l, power()} end
    return l
  end
  function expr()
    local l = term()
    while peek()[2] == "+" or peek()[2] == "-" do local op = take()[2]; l = {op, l, term()} end
    return l
  end
  local e = expr()
  if peek()[1] ~= "eof" then error("trailing input", 0) end
  return e
end
local env = {x = 3, y = 4, pi = 3}
local funcs = {sq = function(v) return v * v end, half = function(v) return v / 2 end}
local function eval(n)
  local k = n[1]
  if k == "num" then return n[2] elseif k == "var" then return env[n[2]] or error("unbound " .. n[2], 0)
  elseif k == "neg" then return -eval(n[2]) elseif k == "call" then return funcs[n[2]](eval(n[3]))
  elseif k == "+" then return eval(n[2]) + eval(n[3]) elseif k == "-" then return eval(n[2]) - eval(n[3])
  elseif k == "*" then return eval(n[2]) * eval(n[3]) elseif k == "/" then return eval(n[2]) / eval(n[3])
  elseif k == "^" then return eval(n[2]) ^ eval(n[3]) end
end
for _, src in ipairs{"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "sq(x) + sq(y)", "-x * 2 - -1",
                     "half(10) + 0.5", "10 / 4", "z + 1", "1 +", "1 2"} do
  local ok, r = pcall(function() return eval(parse(tokenize(src))) end)
  print(src, "=>", ok and r or ("error: " .. r))
end

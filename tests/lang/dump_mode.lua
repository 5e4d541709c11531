-- load's mode argument and damaged binary chunks: "t" refuses binary, "b" refuses
-- text, "bt" takes both; truncated chunks are rejected with lua5.4's messages.
local chunk = string.dump(function() return "ran" end)
local text = "return 'text ran'"

local function try(...)
  local f, err = load(...)
  if f then return "ok: " .. tostring(f()) end
  return "error: " .. err
end

print(try(chunk, "c", "t"))
print(try(chunk, "c", "b"))
print(try(chunk, "c", "bt"))
print(try(chunk, "c"))
print(try(text, "c", "b"))
print(try(text, "c", "t"))
print(try(text, "c", "bt"))

-- a reader function delivering the chunk piece by piece
local pos = 0
print(try(function()
  if pos >= #chunk then return nil end
  local piece = chunk:sub(pos + 1, pos + 7)
  pos = pos + 7
  return piece
end, "=pieces", "b"))

-- every proper prefix is a truncated chunk
local bad = 0
for n = 1, #chunk - 1 do
  local f, err = load(chunk:sub(1, n), "=cut", "b")
  if f or err ~= "cut: bad binary format (truncated chunk)" then bad = bad + 1 end
end
print("prefixes not reported as truncated:", bad)
-- chunk names in the message follow lua5.4 (binary string / @file / =name / as is)
print(select(2, load(chunk:sub(1, 10))))
print(select(2, load(chunk:sub(1, 10), "@file.lua")))
print(select(2, load(chunk:sub(1, 10), "plain")))
-- a wrong version byte
print(select(2, load(chunk:sub(1, 4) .. "\x53" .. chunk:sub(6), "=v")))
-- not a chunk at all after the escape byte
print(select(2, load("\27Lux" .. chunk:sub(5), "=sig")))

-- loadfile / dofile of a binary file
local name = os.tmpname()
local fh = assert(io.open(name, "wb"))
fh:write(string.dump(function(...) return select("#", ...) .. " args" end))
fh:close()
print(loadfile(name, "b")(1, 2, 3))
print(dofile(name))
print(select(2, loadfile(name, "t")))
os.remove(name)

-- requires: lfs
-- Debian's lua-filesystem binary, loaded with require: builds a directory tree in a fresh
-- temporary directory, walks it recursively (sorted, so the output is deterministic),
-- reads attributes, renames and removes, then cleans up.
local lfs = require "lfs"
print(type(lfs._VERSION))

local base = os.tmpname()
os.remove(base)
assert(lfs.mkdir(base))
local function path(...) return table.concat({base, ...}, "/") end
local function write(p, s) local f = assert(io.open(p, "w")) f:write(s) f:close() end

assert(lfs.mkdir(path("src")))
assert(lfs.mkdir(path("src", "vm")))
assert(lfs.mkdir(path("docs")))
write(path("README"), "hello\n")
write(path("src", "main.c"), string.rep("x", 100))
write(path("src", "vm", "api.c"), string.rep("y", 2500))
write(path("docs", "a.md"), "")

local function walk(dir, prefix, out)
  local names = {}
  for name in lfs.dir(dir) do
    if name ~= "." and name ~= ".." then names[#names + 1] = name end
  end
  table.sort(names)
  for _, name in ipairs(names) do
    local full = dir .. "/" .. name
    local attr = assert(lfs.attributes(full))
    if attr.mode == "directory" then
      out[#out + 1] = prefix .. name .. "/"
      walk(full, prefix .. "  ", out)
    else
      out[#out + 1] = string.format("%s%s (%d bytes)", prefix, name, attr.size)
    end
  end
  return out
end
print(table.concat(walk(base, "", {}), "\n"))

print(lfs.attributes(path("README"), "mode"), lfs.attributes(path("src"), "mode"))
local _, err = lfs.attributes(path("missing"))
print((err:gsub(base:gsub("%p", "%%%0"), "BASE")))
print(select("#", lfs.attributes(path("missing"))))
print(lfs.mkdir(path("src")) == nil)

-- current directory changes
local old = lfs.currentdir()
assert(lfs.chdir(path("src")))
print(lfs.currentdir() == path("src"), io.open("main.c") ~= nil)
assert(lfs.chdir(old))
print(lfs.currentdir() == old)
print(lfs.chdir(path("nope")) == nil)

-- touch sets times; the dir iterator object form
assert(lfs.touch(path("README"), 1000000, 2000000))
print(lfs.attributes(path("README"), "modification"), lfs.attributes(path("README"), "access"))
local iter, state = lfs.dir(path("docs"))
local seen = {}
for name in iter, state do seen[#seen + 1] = name end
table.sort(seen)
print(table.concat(seen, " "))

-- rename and remove everything, deepest first
assert(os.rename(path("docs", "a.md"), path("docs", "b.md")))
print(lfs.attributes(path("docs", "b.md"), "size"))
local function rmtree(dir)
  for name in lfs.dir(dir) do
    if name ~= "." and name ~= ".." then
      local full = dir .. "/" .. name
      if lfs.attributes(full, "mode") == "directory" then rmtree(full) else assert(os.remove(full)) end
    end
  end
  assert(lfs.rmdir(dir))
end
rmtree(base)
print(lfs.attributes(base) == nil)

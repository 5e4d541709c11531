-- select('#') counts trailing nils; negative indices count from the end; errors for bad indices.
local function count(...) return select('#', ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(2.0, "a", "b"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(pcall(select, 1.5, "a"))

-- Configuration read by examples/embed/embed.c. Plain settings, then functions the host
-- calls. Only 'host' and a few standard functions are visible here (see embed.c).
name = "demo window"
width = 640
height = 400
scale = 1.5
colors = {"red", "green", "blue"}

local origin_label = "origin"

function on_start(origin)
  host.log("info", "starting", name, "at", origin, "id", host.next_id())
  local v = host.vec(1, 2, "first") + host.vec(2, 2)
  host.log("info", "sum", v, "length", v:length(), "label", host.vec(0, 0, "L"):label())
  return origin == host.vec(0, 0) and origin_label or "elsewhere"
end

function transform(v, factor)
  host.log("warn", "scaling", v, "by", factor, "id", host.next_id())
  return factor * v
end

function job(n)
  local total = 0
  for i = 1, n do
    total = total + i
    coroutine.yield(string.format("step %d of %d", i, n))
  end
  return "total " .. total
end

function broken()
  local v = host.vec(1)
  return v:length() + v:nonexistent()
end

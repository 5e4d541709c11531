-- Mandelbrot set on an N x N grid (Benchmarks Game arithmetic, 50 iterations, escape radius 2).
-- Pure float arithmetic in a tight loop; instead of the bitmap it prints checksums of the image:
-- points inside the set, and a position-weighted sum of them, both exact integers.

local N = 1400
local ITER = 50

local inside, weighted = 0, 0
for y = 0, N - 1 do
  local ci = 2.0 * y / N - 1.0
  local row = 0
  for x = 0, N - 1 do
    local cr = 2.0 * x / N - 1.5
    local zr, zi, zrq, ziq = 0.0, 0.0, 0.0, 0.0
    local escaped = false
    for _ = 1, ITER do
      zi = 2.0 * zr * zi + ci
      zr = zrq - ziq + cr
      zrq = zr * zr
      ziq = zi * zi
      if zrq + ziq > 4.0 then escaped = true; break end
    end
    if not escaped then
      row = row + 1
      weighted = (weighted + (x + 1) * (y + 1)) % 1000000007
    end
  end
  inside = inside + row
end
print(string.format("%dx%d: %d points inside, weighted checksum %d", N, N, inside, weighted))

-- libm opened by file name and found through the process handle: double and float
-- arguments and results, integer arguments converted to double, int/double mixes, and
-- out-parameters through typed buffers (frexp's int*, modf's double*).
local ffi = require "ffi"
local m = ffi.open("libm.so.6")
local cos = m:func("double cos(double x)")
local sqrt = m:func("double sqrt(double)")
print("cos", cos(0), cos(math.pi), math.abs(cos(math.pi / 3) - 0.5) < 1e-15)
local r = sqrt(-1)
print("sqrt", sqrt(2), sqrt(16), r ~= r)
print("pow", m:func("double pow(double, double)")(2, 10))
print("floor", m:func("double floor(double)")(-2.5), m:func("double fmod(double, double)")(7.5, 2))

-- float in and out: sqrtf(2) is computed in single precision.
local sqrtf = m:func("float sqrtf(float)")
print("sqrtf", sqrtf(2), sqrtf(2) == sqrt(2), sqrtf(0.25), sqrtf(math.huge))
print(pcall(sqrtf, 1e39))
print("fabsf", m:func("float fabsf(float)")(-0.5))

-- int parameters and long results.
print("ldexp", m:func("double ldexp(double x, int exp)")(0.75, 4))
local lround = m:func("long lround(double)")
print("lround", lround(2.5), lround(-2.5), math.type(lround(1)))

-- out-parameters
local frexp = m:func("double frexp(double x, int *exp)")
local e = ffi.new("int")
print("frexp", frexp(12, e), e[0], #e)
local modf = m:func("double modf(double x, double *iptr)")
local ip = ffi.new("double", 1)
print("modf", modf(3.25, ip), ip:get(0))

-- cove links libm, so the process handle finds cos too.
print("process cos", ffi.open():func("double cos(double)")(0))

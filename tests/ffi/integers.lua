-- testlib: every integer width. The sums are done in C, so they wrap in the declared type;
-- arguments are range-checked against the declared type before the call; narrow results
-- come back sign- or zero-extended; uint64_t beyond math.maxinteger comes back as a float.
local ffi = require "ffi"
local T = ffi.open(os.getenv("FFI_TESTLIB"))
local add = {}
for _, w in ipairs({"i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64"}) do
  local ctype = (w:sub(1, 1) == "u" and "uint" or "int") .. w:sub(2) .. "_t"
  add[w] = T:func(string.format("%s add_%s(%s a, %s b)", ctype, w, ctype, ctype))
end
print("i8", add.i8(100, 27), add.i8(-128, 0), add.i8(127, 1), add.i8(-1, -1))
print("u8", add.u8(200, 55), add.u8(255, 1), add.u8(0, 0))
print("i16", add.i16(32767, 1), add.i16(-300, 200))
print("u16", add.u16(65535, 2), add.u16(40000, 20000))
print("i32", add.i32(2147483647, 1), add.i32(-5, 3))
print("u32", add.u32(4294967295, 1), add.u32(4000000000, 5))
print("i64", add.i64(math.maxinteger, 1), add.i64(1 << 40, 1 << 40))
print("u64", add.u64(math.maxinteger, 1), add.u64(1, 2), add.u64(2^63, 2^63))

-- extremes as results
local function get(decl) return T:func(decl)() end
print("min/max", get("int8_t min_i8(void)"), get("uint8_t max_u8(void)"),
      get("int16_t min_i16()"), get("uint16_t max_u16()"))
print("min/max", get("int32_t min_i32(void)"), get("uint32_t max_u32(void)"),
      math.type(get("uint32_t max_u32(void)")))
print("min/max", get("int64_t min_i64(void)"), get("uint64_t max_u64(void)"))
local ull_bits = T:func("unsigned long long ull_bits(unsigned long long x)")
print("ull_bits", ull_bits(2^63), ull_bits(math.maxinteger), ull_bits(15 * 2^60))

-- C spellings of the same types; messages name the type as declared.
local add_uc = T:func("unsigned char add_u8(unsigned char, unsigned char)")
local add_sc = T:func("signed char add_i8(signed char, signed char)")
local add_short = T:func("short add_i16(short, short)")
local add_unsigned = T:func("unsigned add_u32(unsigned, unsigned int)")
local add_ll = T:func("long long add_i64(long long, long long int)")
print("spellings", add_uc(250, 10), add_sc(-100, -100), add_unsigned(1, 2), add_ll(1, 2))
print(pcall(add_short, 40000, 0))

-- range and type checks, each before anything is called
local function check(f, ...) print(select(2, pcall(f, ...))) end
check(add.i8, 128, 0)
check(add.u8, 0, -1)
check(add.i16, -32769, 0)
check(add.u16, 65536, 0)
check(add.i32, 0, 2147483648)
check(add.u32, -1, 0)
check(add.i64, 2^63, 0)
check(add.u64, -1, 0)
check(add.u64, 2^64, 0)
check(add.i32, 0.5, 0)
check(add.i32, math.huge, 0)
check(add.i32, 0/0, 0)
check(add.i8, "1", 2)
check(add.i8, true, 2)
check(add.i8, 1)
check(add.i8, 1, 2, 3)
check(ull_bits, -1)

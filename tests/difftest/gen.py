"""Random Lua program generator for differential testing (spec/fuzzing.md).

gen_program(seed) returns a terminating, deterministic Lua 5.4 program: a fixed prelude of
helpers, then one top-level statement per line, each printing what it computes. Every line
stands alone (it only uses the prelude's globals and its own locals), so the minimiser in
difftest.py can delete lines freely. Errors are caught with pcall and printed, so error
messages are compared too. No addresses, no hash-order iteration, no clocks.
"""
import random

PRELUDE = r'''local P = function(...) local t = table.pack(...) for i = 1, t.n do local v = t[i] if math.type(v) == 'float' then t[i] = string.format('%.17g', v) elseif type(v) == 'table' or type(v) == 'function' or type(v) == 'thread' then t[i] = type(v) else t[i] = tostring(v) end end print(table.concat(t, ' ', 1, t.n)) end
local Q = function(f, ...) P(pcall(f, ...)) end
local function skeys(t) local ks = {} for k in pairs(t) do ks[#ks + 1] = tostring(k) end table.sort(ks) return table.concat(ks, ',') end
local mt_num = {__add = function(a, b) return 'add' end, __eq = function(a, b) return true end, __lt = function(a, b) return false end, __le = function(a, b) return true end, __concat = function(a, b) return 'cat' end, __len = function() return 42 end, __call = function(self, x) return x end, __unm = function() return 'unm' end, __index = function(t, k) return k end, __tostring = function() return 'OBJ' end}
local obj = setmetatable({}, mt_num)
'''

INTS = ['0', '1', '-1', '2', '3', '-7', '10', '255', '256', '1000', '0x7fffffff', '0xffffffff',
        'math.maxinteger', 'math.mininteger', '(math.maxinteger - 1)', '(math.mininteger + 1)',
        '9007199254740993', '-9007199254740992', '0x10', '65536', '63', '64', '-64']
FLOATS = ['0.0', '-0.0', '0.5', '1.5', '-2.5', '3.0', '1e308', '-1e308', '1e-300', 'math.huge',
          '-math.huge', '2^53', '2^63', '-2^63', '0.1', '1/3', '7.75', '1e15', '123456789012.5',
          '(0/0 ~= 0/0 and 4.0 or 5.0)']
STRS = ["'abc'", "''", "'10'", "'0x1F'", "' 5 '", "'3.5'", "'1e2'", "'hello world'", "'a,b,,c'",
        "'x'", "'\\0z'", "'AbC dEf'", "'-12'", "'  '", "'%d'", "'12abc'", "'inf'", "'0x'", "'\\n'"]
ARITH = ['+', '-', '*', '/', '//', '%', '^']
BITS = ['&', '|', '~', '<<', '>>']
CMP = ['==', '~=', '<', '<=', '>', '>=']
PATTERNS = ["'%a+'", "'%d+'", "'(%w)(%w)'", "'[aeiou]'", "'%s'", "'^%a'", "'(.-),'", "'b*'",
            "'%p'", "'[^,]+'", "'()x'", "'%u%l'", "'.$'", "'%f[%w]%w+'", "'(a)%1'"]
FORMATS = ["'%d'", "'%5.2f'", "'%g'", "'%x'", "'%s|%s'", "'%q'", "'%-5s|'", "'%05d'", "'%.3s'",
           "'%i'", "'%e'", "'%a'", "'%c'", "'%o'", "'%10.4f'", "'%%'", "'%.0f'"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.uid = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def name(self, p='v'):
        self.uid += 1
        return '%s%d' % (p, self.uid)

    # ---- expressions ----
    def num(self, d=0):
        r = self.r.random()
        if d > 2 or r < 0.35:
            return self.pick(INTS)
        if r < 0.55:
            return self.pick(FLOATS)
        if r < 0.8:
            return '(%s %s %s)' % (self.num(d + 1), self.pick(ARITH), self.num(d + 1))
        if r < 0.9:
            return '(%s %s %s)' % (self.int_(d + 1), self.pick(BITS), self.int_(d + 1))
        return self.pick(['math.abs(%s)', 'math.floor(%s)', 'math.ceil(%s)', '(-%s)',
                          'math.fmod(%s, 3)', 'math.max(%s, 2)', 'math.min(%s, -1.5)',
                          '(math.tointeger(%s) or 0)', 'math.ult(%s, 5) and 1 or 2']) % self.num(d + 1)

    def int_(self, d=0):
        if d > 2 or self.r.random() < 0.6:
            return self.pick(INTS)
        return '(%s %s %s)' % (self.int_(d + 1), self.pick(['+', '-', '*', '//', '%', '&', '|', '~', '<<', '>>']), self.int_(d + 1))

    def small(self):
        return str(self.r.randint(-3, 8))

    def str_(self, d=0):
        r = self.r.random()
        if d > 1 or r < 0.4:
            return self.pick(STRS)
        choices = [
            lambda: '(%s .. %s)' % (self.str_(d + 1), self.pick([self.str_(d + 1), self.num(d + 1)])),
            lambda: 'string.rep(%s, %d, %s)' % (self.str_(d + 1), self.r.randint(0, 4), self.pick(["','", "''"])),
            lambda: '(%s):upper()' % self.str_(d + 1),
            lambda: '(%s):sub(%s, %s)' % (self.str_(d + 1), self.small(), self.small()),
            lambda: '(%s):reverse()' % self.str_(d + 1),
            lambda: 'tostring(%s)' % self.num(d + 1),
            lambda: 'string.format(%s, %s)' % (self.pick(["'%d'", "'%g'", "'%.3f'", "'%x'"]), self.int_(d + 1)),
            lambda: '(%s):gsub(%s, %s)' % (self.str_(d + 1), self.pick(PATTERNS), self.pick(["'<%0>'", "'%%'", "'-'", "string.upper", "{a='A'}"])),
            lambda: 'string.char(%d, %d)' % (self.r.randint(32, 126), self.r.randint(32, 126)),
        ]
        return self.pick(choices)()

    def any_(self, d=0):
        r = self.r.random()
        if r < 0.45:
            return self.num(d)
        if r < 0.75:
            return self.str_(d)
        if r < 0.85:
            return self.pick(['nil', 'true', 'false', '{}', 'obj', '{1, 2, 3}', 'print'])
        return '(%s %s %s)' % (self.any_(d + 1), self.pick(ARITH + BITS + ['..']), self.any_(d + 1))

    # ---- statements (each returns one line of Lua) ----
    def s_arith(self):
        return 'Q(function() return %s end)' % self.any_()

    def s_compare(self):
        a, b = self.pick([(self.num(), self.num()), (self.str_(), self.str_()), (self.num(), self.str_())])
        return 'Q(function() return %s %s %s end)' % (a, self.pick(CMP), b)

    def s_convert(self):
        f = self.pick(['tonumber(%s)', 'tonumber(%s, 16)', 'tonumber(%s, 36)', 'math.tointeger(%s)',
                       'math.type(%s)', 'tostring(%s)', "string.format('%%.14g', %s)",
                       "string.format('%%d', %s)", '%s // 1', '%s | 0', 'math.floor(%s)',
                       "string.format('%%q', %s)", "string.format('%%5.1f', %s)"])
        return 'Q(function() return %s end)' % (f % self.pick([self.num(), self.str_()]))

    def s_string(self):
        s = self.str_()
        f = self.pick([
            lambda: '(%s):find(%s, %s)' % (s, self.pick(PATTERNS), self.small()),
            lambda: '(%s):find(%s, 1, true)' % (s, self.pick(STRS)),
            lambda: '(%s):match(%s)' % (s, self.pick(PATTERNS)),
            lambda: '(%s):byte(%s, %s)' % (s, self.small(), self.small()),
            lambda: '#%s, (%s):len(), (%s):lower()' % (s, s, s),
            lambda: 'string.format(%s, %s, %s)' % (self.pick(FORMATS), self.any_(), self.any_()),
            lambda: 'select("#", (%s):byte(1, -1))' % s,
            lambda: (lambda f: 'string.unpack(%s, string.pack(%s, %s))' % (f, f, self.any_()))(
                self.pick(["'i4'", "'<i2'", "'>I4'", "'b'", "'j'", "'d'", "'z'", "'s1'", "'n'"])),
        ])()
        return 'Q(function() return %s end)' % f

    def s_gmatch(self):
        return 'Q(function() local t = {} for a, b in (%s):gmatch(%s) do t[#t + 1] = tostring(a) .. "/" .. tostring(b) if #t > 20 then break end end return table.concat(t, " ") end)' % (
            self.str_(), self.pick(PATTERNS))

    def s_table(self):
        t = self.name('t')
        items = ', '.join(self.pick([self.num(), self.str_(), 'nil', 'true']) for _ in range(self.r.randint(0, 6)))
        ops = []
        for _ in range(self.r.randint(1, 4)):
            ops.append(self.pick([
                'table.insert(%s, %s)' % (t, self.num()),
                'table.insert(%s, 1, %s)' % (t, self.str_()),
                'P(table.remove(%s))' % t,
                '%s[%s] = %s' % (t, self.pick(['1', '2', "'k'", '3.0', '-1', '#' + t + ' + 1', '2^53']), self.any_()),
                'P(#%s)' % t,
                'P(pcall(table.concat, %s, ","))' % t,
                'P(select("#", table.unpack(%s)))' % t,
                'P(%s[1], %s[2], %s.k, %s[3.0])' % (t, t, t, t),
                'P(skeys(%s))' % t,
                'P(pcall(table.sort, %s))' % t,
                'P(rawlen(%s), rawequal(%s, %s), next({}))' % (t, t, t),
                'P(table.move(%s, 1, 2, 3)[3])' % t,
            ]))
        return 'do local %s = {%s} %s end' % (t, items, ' '.join(ops))

    def s_closure(self):
        n = self.r.randint(1, 5)
        return ('do local fs = {} for i = 1, %d do local c = i * %s fs[i] = function(d) c = c + d return c end end '
                'local s = 0 for i = 1, #fs do s = s + fs[i](%s) + fs[1](1) end P(s) end') % (n, self.int_(), self.small())

    def s_metatable(self):
        ev = self.pick(['__add', '__sub', '__mul', '__idiv', '__mod', '__concat', '__eq', '__lt', '__le',
                        '__index', '__newindex', '__call', '__len', '__unm', '__band', '__shl', '__bnot',
                        '__tostring', '__close', '__name'])
        body = {'__eq': 'a == b', '__lt': 'a < b', '__le': 'a <= b', '__index': 'a.foo, a[1]',
                '__newindex': 'a', '__call': 'a(1, 2)', '__len': '#a', '__unm': '-a', '__bnot': '~a',
                '__tostring': 'tostring(a)', '__close': 'a', '__name': 'a + 1'}.get(ev, None)
        if body is None:
            op = {'__add': '+', '__sub': '-', '__mul': '*', '__idiv': '//', '__mod': '%', '__concat': '..',
                  '__band': '&', '__shl': '<<'}[ev]
            body = self.pick(['a %s b' % op, 'a %s %s' % (op, self.num()), '%s %s a' % (self.str_(), op)])
        val = self.pick(['function(x, y, z) return %s end' % self.pick(['1', "'r'", 'x == y', 'nil', '2.5', '{}']),
                         "'notafunction'", '{foo = 9}', 'nil'])
        if ev == '__newindex':
            extra = 'a.z = 5 P(rawget(a, "z"))'
        elif ev == '__close':
            extra = 'do local c <close> = a end'
        else:
            extra = ''
        return ('do local m = {%s = %s} local a = setmetatable({}, m) local b = setmetatable({}, m) '
                'Q(function() %s return %s end) end') % (ev, val, extra, body)

    def s_error(self):
        e = self.pick(["'msg'", '42', 'nil', '{code = 1}', 'true', "setmetatable({}, {__tostring = function() return 'E' end})"])
        lvl = self.pick(['', ', 0', ', 1', ', 2'])
        return self.pick([
            'P(pcall(error, %s%s))' % (e, lvl),
            'P(pcall(function() error(%s%s) end))' % (e, lvl),
            'P(select(2, pcall(function() local x = nil return x.y end)))',
            'P(select(2, pcall(function() return %s < %s end)))' % (self.any_(), self.any_()),
            'P(xpcall(function() error(%s) end, function(m) return type(m) .. ":" .. tostring(m) end))' % e,
            'P(pcall(pcall, error, %s))' % e,
            'P(pcall(function() local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end}) return t.q end))',
            'P(pcall(string.rep))',
            'P(pcall(setmetatable, 1, {}))',
            'P(pcall(function() return #%s end))' % self.any_(),
            'P(pcall(function() local a = %s a() end))' % self.any_(),
            'P(pcall(function() return ({})[nil] end), pcall(rawset, {}, 0/0, 1))',
            'P(select("#", pcall(error)))',
        ])

    def s_coroutine(self):
        n = self.r.randint(1, 4)
        return self.pick([
            ('do local co = coroutine.wrap(function(a) for i = 1, %d do a = coroutine.yield(a + i) end return "end" end) '
             'P(co(1)) for i = 1, %d do P(pcall(co, i)) end end') % (n, n + 1),
            ('do local co = coroutine.create(function(...) P(...) local ok, e = pcall(function() coroutine.yield(1) error(%s) end) '
             'P(ok, e) return 7 end) P(coroutine.resume(co, %s)) P(coroutine.status(co)) P(coroutine.resume(co)) '
             'P(coroutine.status(co), coroutine.resume(co)) end') % (self.pick(["'boom'", '5', '{}']), self.any_()),
            'P(coroutine.isyieldable(), coroutine.running() ~= nil, pcall(coroutine.yield, 1))',
            ('do local gen = coroutine.wrap(function() for i = %s, %s do coroutine.yield(i) end end) '
             'local s = {} for i = 1, 6 do local ok, v = pcall(gen) s[#s + 1] = tostring(v) if not ok then break end end P(table.concat(s, ",")) end') % (self.small(), self.small()),
            'P(coroutine.close(coroutine.create(print)), pcall(coroutine.resume, coroutine.running()))',
        ])

    def s_goto(self):
        n = self.r.randint(0, 6)
        return self.pick([
            'do local s = 0 for i = 1, %d do if i %% 2 == 0 then goto cont end s = s + i ::cont:: end P(s) end' % n,
            'do local i = 0 ::top:: i = i + 1 if i < %d then goto top end P(i) end' % n,
            'do local t = {} local i = 1 while true do if i > %d then goto out end t[#t + 1] = i * i i = i + 1 end ::out:: P(table.concat(t, " ")) end' % n,
        ])

    def s_loops(self):
        return self.pick([
            'do local s = 0 for i = %s, %s, %s do s = s + 1 if s > 50 then break end end P(s) end' % (
                self.pick(INTS + FLOATS[:6]), self.pick(INTS + FLOATS[:6]), self.pick(['1', '-1', '2', '0.5', '-3', 'math.maxinteger', '1e308'])),
            'do local s = {} for i = math.maxinteger - %d, math.maxinteger do s[#s + 1] = i end P(#s, s[1]) end' % self.r.randint(0, 3),
            'do local s = {} for i = math.mininteger, math.mininteger + %d do s[#s + 1] = i end P(#s, s[#s]) end' % self.r.randint(0, 3),
            'P(pcall(function() for i = 1, 10, 0 do end end))',
            'P(pcall(function() for i = "a", 2 do end end))',
            'do local n = 0 repeat local k = n n = n + 1 until k >= %d P(n) end' % self.r.randint(0, 5),
            'do local t = {%s} local s = 0 for i, v in ipairs(t) do s = s + i end P(s) end' % ', '.join(self.pick(['1', 'nil', '"a"']) for _ in range(4)),
        ])

    def s_vararg(self):
        return self.pick([
            'P((function(...) return select("#", ...), ... end)(%s))' % ', '.join(self.any_() for _ in range(self.r.randint(0, 4))),
            'P(select(%s, "a", "b", "c"))' % self.pick(['1', '2', '-1', '-3', '"#"', '4']),
            'P(pcall(select, %s, 1))' % self.pick(['0', '-2', '"x"']),
            'P(table.unpack({1, 2, 3}, %s, %s))' % (self.small(), self.small()),
            'P(math.max(%s), math.min(%s, %s))' % (self.num(), self.num(), self.num()),
        ])

    STMTS = ['s_arith', 's_arith', 's_compare', 's_convert', 's_convert', 's_string', 's_string', 's_gmatch',
             's_table', 's_table', 's_closure', 's_metatable', 's_metatable', 's_error', 's_coroutine',
             's_goto', 's_loops', 's_vararg']

    def program(self, nstmts):
        lines = [getattr(self, self.pick(self.STMTS))() for _ in range(nstmts)]
        return PRELUDE + '\n'.join(lines) + '\n'


def gen_program(seed, nstmts=40):
    return Gen(seed).program(nstmts)


if __name__ == '__main__':
    import sys
    print(gen_program(int(sys.argv[1]) if len(sys.argv) > 1 else 1), end='')

-- Colon syntax: function t:m() gets an implicit self; t:m() passes t; dotted names nest.
local account = {balance = 0, log = {}}
function account:deposit(v) self.balance = self.balance + v; self.log[#self.log + 1] = "+" .. v; return self end
function account.withdraw(self, v) self.balance = self.balance - v; self.log[#self.log + 1] = "-" .. v; return self end
account:deposit(100):withdraw(30):deposit(5)
print(account.balance, table.concat(account.log, " "))
local a = {b = {c = {}}}
function a.b.c.f(x) return "f" .. x end
function a.b.c:g(x) return self == a.b.c, x end
print(a.b.c.f(1), a.b.c:g(2))
local obj = {name = "o"}
function obj:getname() return self.name end
local other = {name = "other", getname = obj.getname}
print(obj:getname(), other:getname(), obj.getname(other))

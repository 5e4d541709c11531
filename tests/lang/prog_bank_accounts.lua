-- Bank accounts with errors as tables, transactions rolled back on failure through pcall.
local Account = {}
Account.__index = Account
local InsufficientFunds = {__tostring = function(e) return "insufficient funds: need " .. e.need end}
function Account.new(owner, balance) return setmetatable({owner = owner, balance = balance}, Account) end
function Account:withdraw(n)
  if n > self.balance then error(setmetatable({need = n - self.balance}, InsufficientFunds)) end
  self.balance = self.balance - n
end
function Account:deposit(n) self.balance = self.balance + n end
local function transfer(from, to, n)
  local before_from, before_to = from.balance, to.balance
  local ok, err = pcall(function() to:deposit(n); from:withdraw(n) end)
  if not ok then from.balance, to.balance = before_from, before_to end
  return ok, err and tostring(err)
end
local a, b = Account.new("ann", 100), Account.new("bob", 20)
print(transfer(a, b, 30), a.balance, b.balance)
print(transfer(b, a, 500))
print(a.balance, b.balance)

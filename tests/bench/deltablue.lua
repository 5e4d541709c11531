-- DeltaBlue: the incremental dataflow constraint solver (Freeman-Benson & Maloney), after the
-- V8 benchmark suite's version. Deep OOP: a class hierarchy built from __index chains, many small
-- method calls, ordered collections. Runs the chain and projection tests REPEAT times.

local REPEAT = 220
local SIZE = 100

local function class(super)
  local c = {}
  c.__index = c
  if super then setmetatable(c, { __index = super }) end
  return c
end

local planner  -- the planner of the test being run, shared by every constraint

---------------------------------------------------------------- ordered collection

local OrderedCollection = class()
function OrderedCollection.new() return setmetatable({ n = 0, first = 1 }, OrderedCollection) end
function OrderedCollection:add(e) self.n = self.n + 1; self[self.n] = e end
function OrderedCollection:at(i) return self[self.first + i - 1] end
function OrderedCollection:size() return self.n - self.first + 1 end
function OrderedCollection:remove_first()
  local e = self[self.first]
  self[self.first] = nil
  self.first = self.first + 1
  return e
end
-- Remove every occurrence of e, keeping the order of the rest.
function OrderedCollection:remove(e)
  local j = self.first
  for i = self.first, self.n do
    local x = self[i]
    if x ~= e then self[j] = x; j = j + 1 end
  end
  for i = j, self.n do self[i] = nil end
  self.n = j - 1
end

---------------------------------------------------------------- strengths

local Strength = class()
function Strength.new(value, name) return setmetatable({ value = value, name = name }, Strength) end

local REQUIRED        = Strength.new(0, "required")
local STRONG_PREFERRED = Strength.new(1, "strongPreferred")
local PREFERRED       = Strength.new(2, "preferred")
local STRONG_DEFAULT  = Strength.new(3, "strongDefault")
local NORMAL          = Strength.new(4, "normal")
local WEAK_DEFAULT    = Strength.new(5, "weakDefault")
local WEAKEST         = Strength.new(6, "weakest")

local function stronger(s1, s2) return s1.value < s2.value end
local function weaker(s1, s2) return s1.value > s2.value end
local function weakest_of(s1, s2) if weaker(s1, s2) then return s1 end return s2 end

local NEXT_WEAKER = { [0] = WEAKEST, WEAK_DEFAULT, NORMAL, STRONG_DEFAULT, PREFERRED, REQUIRED }
function Strength:next_weaker() return NEXT_WEAKER[self.value] end

---------------------------------------------------------------- constraints

local Constraint = class()

function Constraint:add_constraint()
  self:add_to_graph()
  planner:incremental_add(self)
end

-- Pick a way to satisfy this constraint; return the constraint it overrides, if any.
function Constraint:satisfy(mark)
  self:choose_method(mark)
  if not self:is_satisfied() then
    if self.strength == REQUIRED then error("Could not satisfy a required constraint!") end
    return nil
  end
  self:mark_inputs(mark)
  local out = self:output()
  local overridden = out.determined_by
  if overridden ~= nil then overridden:mark_unsatisfied() end
  out.determined_by = self
  if not planner:add_propagate(self, mark) then error("Cycle encountered") end
  out.mark = mark
  return overridden
end

function Constraint:destroy_constraint()
  if self:is_satisfied() then planner:incremental_remove(self) else self:remove_from_graph() end
end

function Constraint:is_input() return false end

-- Unary constraints: stay and edit.
local UnaryConstraint = class(Constraint)

function UnaryConstraint.init(self, v, strength)
  self.strength = strength
  self.my_output = v
  self.satisfied = false
  self:add_constraint()
  return self
end

function UnaryConstraint:add_to_graph()
  self.my_output:add_constraint(self)
  self.satisfied = false
end
function UnaryConstraint:choose_method(mark)
  self.satisfied = self.my_output.mark ~= mark and stronger(self.strength, self.my_output.walk_strength)
end
function UnaryConstraint:is_satisfied() return self.satisfied end
function UnaryConstraint:mark_inputs(mark) end
function UnaryConstraint:output() return self.my_output end
function UnaryConstraint:recalculate()
  local out = self.my_output
  out.walk_strength = self.strength
  out.stay = not self:is_input()
  if out.stay then self:execute() end
end
function UnaryConstraint:mark_unsatisfied() self.satisfied = false end
function UnaryConstraint:inputs_known() return true end
function UnaryConstraint:remove_from_graph()
  if self.my_output ~= nil then self.my_output:remove_constraint(self) end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, str) return UnaryConstraint.init(setmetatable({}, StayConstraint), v, str) end
function StayConstraint:execute() end  -- stay constraints do nothing

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, str) return UnaryConstraint.init(setmetatable({}, EditConstraint), v, str) end
function EditConstraint:is_input() return true end
function EditConstraint:execute() end  -- edit constraints do nothing

-- Binary constraints: equality and scale.
local NONE, FORWARD, BACKWARD = 0, 1, -1

local BinaryConstraint = class(Constraint)

function BinaryConstraint.init(self, var1, var2, strength)
  self.strength = strength
  self.v1, self.v2 = var1, var2
  self.direction = NONE
  self:add_constraint()
  return self
end

-- Decide which way data flows, preferring to write the weaker variable (the original's logic).
function BinaryConstraint:choose_method(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(self.strength, v2.walk_strength)) and FORWARD or NONE
  end
  if v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(self.strength, v1.walk_strength)) and BACKWARD or NONE
  end
  if weaker(v1.walk_strength, v2.walk_strength) then
    self.direction = stronger(self.strength, v1.walk_strength) and BACKWARD or NONE
  else
    self.direction = stronger(self.strength, v2.walk_strength) and FORWARD or BACKWARD
  end
end

function BinaryConstraint:add_to_graph()
  self.v1:add_constraint(self)
  self.v2:add_constraint(self)
  self.direction = NONE
end
function BinaryConstraint:is_satisfied() return self.direction ~= NONE end
function BinaryConstraint:mark_inputs(mark) self:input().mark = mark end
function BinaryConstraint:input() if self.direction == FORWARD then return self.v1 end return self.v2 end
function BinaryConstraint:output() if self.direction == FORWARD then return self.v2 end return self.v1 end
function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end
function BinaryConstraint:mark_unsatisfied() self.direction = NONE end
function BinaryConstraint:inputs_known(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determined_by == nil
end
function BinaryConstraint:remove_from_graph()
  if self.v1 ~= nil then self.v1:remove_constraint(self) end
  if self.v2 ~= nil then self.v2:remove_constraint(self) end
  self.direction = NONE
end

-- dest = src * scale + offset, in either direction.
local ScaleConstraint = class(BinaryConstraint)

function ScaleConstraint.new(src, scale, offset, dest, strength)
  local self = setmetatable({ direction = NONE, scale = scale, offset = offset }, ScaleConstraint)
  return BinaryConstraint.init(self, src, dest, strength)
end
function ScaleConstraint:add_to_graph()
  BinaryConstraint.add_to_graph(self)
  self.scale:add_constraint(self)
  self.offset:add_constraint(self)
end
function ScaleConstraint:remove_from_graph()
  BinaryConstraint.remove_from_graph(self)
  if self.scale ~= nil then self.scale:remove_constraint(self) end
  if self.offset ~= nil then self.offset:remove_constraint(self) end
end
function ScaleConstraint:mark_inputs(mark)
  BinaryConstraint.mark_inputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end
function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) / self.scale.value
  end
end
function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local EqualityConstraint = class(BinaryConstraint)
function EqualityConstraint.new(var1, var2, strength)
  return BinaryConstraint.init(setmetatable({}, EqualityConstraint), var1, var2, strength)
end
function EqualityConstraint:execute() self:output().value = self:input().value end

---------------------------------------------------------------- variables

local Variable = class()
function Variable.new(name, initial)
  return setmetatable({
    value = initial or 0, constraints = OrderedCollection.new(), determined_by = nil,
    mark = 0, walk_strength = WEAKEST, stay = true, name = name,
  }, Variable)
end
function Variable:add_constraint(c) self.constraints:add(c) end
function Variable:remove_constraint(c)
  self.constraints:remove(c)
  if self.determined_by == c then self.determined_by = nil end
end

---------------------------------------------------------------- planner

local Plan = class()
function Plan.new() return setmetatable({ v = OrderedCollection.new() }, Plan) end
function Plan:add_constraint(c) self.v:add(c) end
function Plan:execute()
  local v = self.v
  for i = 1, v:size() do v:at(i):execute() end
end

local Planner = class()
function Planner.new() return setmetatable({ current_mark = 0 }, Planner) end

function Planner:new_mark()
  self.current_mark = self.current_mark + 1
  return self.current_mark
end

function Planner:incremental_add(c)
  local mark = self:new_mark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do overridden = overridden:satisfy(mark) end
end

-- Retract c and re-satisfy what it was blocking, strongest first.
function Planner:incremental_remove(c)
  local out = c:output()
  c:mark_unsatisfied()
  c:remove_from_graph()
  local unsatisfied = self:remove_propagate_from(out)
  local strength = REQUIRED
  repeat
    for i = 1, unsatisfied:size() do
      local u = unsatisfied:at(i)
      if u.strength == strength then self:incremental_add(u) end
    end
    strength = strength:next_weaker()
  until strength == WEAKEST
end

function Planner:make_plan(sources)
  local mark = self:new_mark()
  local plan = Plan.new()
  local todo = sources
  while todo:size() > 0 do
    local c = todo:remove_first()
    if c:output().mark ~= mark and c:inputs_known(mark) then
      plan:add_constraint(c)
      c:output().mark = mark
      self:add_constraints_consuming_to(c:output(), todo)
    end
  end
  return plan
end

function Planner:extract_plan_from_constraints(constraints)
  local sources = OrderedCollection.new()
  for i = 1, constraints:size() do
    local c = constraints:at(i)
    if c:is_input() and c:is_satisfied() then sources:add(c) end
  end
  return self:make_plan(sources)
end

function Planner:add_propagate(c, mark)
  local todo = OrderedCollection.new()
  todo:add(c)
  while todo:size() > 0 do
    local d = todo:remove_first()
    if d:output().mark == mark then
      self:incremental_remove(c)
      return false
    end
    d:recalculate()
    self:add_constraints_consuming_to(d:output(), todo)
  end
  return true
end

function Planner:remove_propagate_from(out)
  out.determined_by = nil
  out.walk_strength = WEAKEST
  out.stay = true
  local unsatisfied = OrderedCollection.new()
  local todo = OrderedCollection.new()
  todo:add(out)
  while todo:size() > 0 do
    local v = todo:remove_first()
    local cs = v.constraints
    for i = 1, cs:size() do
      local c = cs:at(i)
      if not c:is_satisfied() then unsatisfied:add(c) end
    end
    local determining = v.determined_by
    for i = 1, cs:size() do
      local nxt = cs:at(i)
      if nxt ~= determining and nxt:is_satisfied() then
        nxt:recalculate()
        todo:add(nxt:output())
      end
    end
  end
  return unsatisfied
end

function Planner:add_constraints_consuming_to(v, coll)
  local determining = v.determined_by
  local cc = v.constraints
  for i = 1, cc:size() do
    local c = cc:at(i)
    if c ~= determining and c:is_satisfied() then coll:add(c) end
  end
end

---------------------------------------------------------------- the two tests

local checksum = 0

local function chain_test(n)
  planner = Planner.new()
  local prev, first, last
  for i = 0, n do
    local v = Variable.new("v" .. i)
    if prev ~= nil then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local edits = OrderedCollection.new()
  edits:add(edit)
  local plan = planner:extract_plan_from_constraints(edits)
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("Chain test failed.") end
    checksum = checksum + last.value
  end
end

local function change(v, new_value)
  local edit = EditConstraint.new(v, PREFERRED)
  local edits = OrderedCollection.new()
  edits:add(edit)
  local plan = planner:extract_plan_from_constraints(edits)
  for _ = 1, 10 do
    v.value = new_value
    plan:execute()
  end
  edit:destroy_constraint()
end

local function projection_test(n)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local src, dst
  local dests = OrderedCollection.new()
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests:add(dst)
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  change(dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  change(scale, 5)
  for i = 0, n - 2 do
    if dests:at(i + 1).value ~= i * 5 + 1000 then error("Projection 3 failed") end
  end
  change(offset, 2000)
  for i = 0, n - 2 do
    if dests:at(i + 1).value ~= i * 5 + 2000 then error("Projection 4 failed") end
  end
  for i = 1, dests:size() do checksum = checksum + dests:at(i).value end
end

for _ = 1, REPEAT do
  chain_test(SIZE)
  projection_test(SIZE)
end
print(string.format("deltablue %d x (chain %d, projection %d): checksum %.1f", REPEAT, SIZE, SIZE, checksum))

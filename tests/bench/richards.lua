-- Richards: Martin Richards' OS task-scheduler simulation (after the V8 benchmark suite's version).
-- Object-oriented: tasks and packets are tables with methods through metatables; linked-list queues.
-- Each round must end with queueCount 2322 and holdCount 928; prints the totals over all rounds.

local ROUNDS = 350
local COUNT = 1000
local EXPECTED_QUEUE_COUNT, EXPECTED_HOLD_COUNT = 2322, 928

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

-- 16-bit exclusive or without bitwise operators, so the program also runs on Lua 5.1 and LuaJIT.
local function xor16(a, b)
  local result, bit = 0, 1
  for _ = 1, 16 do
    if a % 2 ~= b % 2 then result = result + bit end
    a = (a - a % 2) / 2
    b = (b - b % 2) / 2
    bit = bit * 2
  end
  return result
end

local function class()
  local c = {}
  c.__index = c
  return c
end

---------------------------------------------------------------- packets

local Packet = class()

function Packet.new(link, id, kind)
  local a2 = {}
  for i = 1, DATA_SIZE do a2[i] = 0 end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 0, a2 = a2 }, Packet)
end

-- Append this packet to the end of queue and return the queue's head.
function Packet:add_to(queue)
  self.link = nil
  if queue == nil then return self end
  local peek = queue
  local next_ = peek.link
  while next_ ~= nil do
    peek = next_
    next_ = peek.link
  end
  peek.link = self
  return queue
end

---------------------------------------------------------------- task control blocks
-- The state is three flags, as in the original: a packet is pending (runnable), the task is
-- waiting (suspended), the task is held.

local Tcb = class()

function Tcb.new(link, id, priority, queue, task)
  return setmetatable({
    link = link, id = id, priority = priority, queue = queue, task = task,
    runnable = queue ~= nil, suspended = true, held = false,
  }, Tcb)
end

function Tcb:set_running() self.runnable, self.suspended, self.held = false, false, false end
function Tcb:mark_as_not_held() self.held = false end
function Tcb:mark_as_held() self.held = true end
function Tcb:mark_as_suspended() self.suspended = true end
function Tcb:mark_as_runnable() self.runnable = true end

function Tcb:is_held_or_suspended()
  return self.held or (self.suspended and not self.runnable)
end

function Tcb:run()
  local packet
  if self.suspended and self.runnable and not self.held then
    packet = self.queue
    self.queue = packet.link
    self.suspended = false
    self.runnable = self.queue ~= nil
  end
  return self.task:run(packet)
end

function Tcb:check_priority_add(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:mark_as_runnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:add_to(self.queue)
  end
  return task
end

---------------------------------------------------------------- scheduler

local Scheduler = class()

function Scheduler.new()
  return setmetatable({
    queue_count = 0, hold_count = 0, blocks = {}, list = nil, current_tcb = nil, current_id = nil,
  }, Scheduler)
end

function Scheduler:add_task(id, priority, queue, task)
  self.current_tcb = Tcb.new(self.list, id, priority, queue, task)
  self.list = self.current_tcb
  self.blocks[id] = self.current_tcb
end

function Scheduler:add_running_task(id, priority, queue, task)
  self:add_task(id, priority, queue, task)
  self.current_tcb:set_running()
end

function Scheduler:schedule()
  self.current_tcb = self.list
  while self.current_tcb ~= nil do
    local tcb = self.current_tcb
    if tcb:is_held_or_suspended() then
      self.current_tcb = tcb.link
    else
      self.current_id = tcb.id
      self.current_tcb = tcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return tcb end
  tcb:mark_as_not_held()
  if tcb.priority > self.current_tcb.priority then return tcb end
  return self.current_tcb
end

function Scheduler:hold_current()
  self.hold_count = self.hold_count + 1
  self.current_tcb:mark_as_held()
  return self.current_tcb.link
end

function Scheduler:suspend_current()
  self.current_tcb:mark_as_suspended()
  return self.current_tcb
end

function Scheduler:queue(packet)
  local t = self.blocks[packet.id]
  if t == nil then return t end
  self.queue_count = self.queue_count + 1
  packet.link = nil
  packet.id = self.current_id
  return t:check_priority_add(self.current_tcb, packet)
end

---------------------------------------------------------------- tasks

local IdleTask = class()
function IdleTask.new(scheduler, v1, count)
  return setmetatable({ scheduler = scheduler, v1 = v1, count = count }, IdleTask)
end
function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:hold_current() end
  local v1 = self.v1
  if v1 % 2 == 0 then
    self.v1 = v1 / 2
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = xor16((v1 - 1) / 2, 0xD008)
  return self.scheduler:release(ID_DEVICE_B)
end

local DeviceTask = class()
function DeviceTask.new(scheduler) return setmetatable({ scheduler = scheduler }, DeviceTask) end
function DeviceTask:run(packet)
  if packet == nil then
    local v = self.v1
    if v == nil then return self.scheduler:suspend_current() end
    self.v1 = nil
    return self.scheduler:queue(v)
  end
  self.v1 = packet
  return self.scheduler:hold_current()
end

local WorkerTask = class()
function WorkerTask.new(scheduler, v1, v2)
  return setmetatable({ scheduler = scheduler, v1 = v1, v2 = v2 }, WorkerTask)
end
function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspend_current() end
  if self.v1 == ID_HANDLER_A then self.v1 = ID_HANDLER_B else self.v1 = ID_HANDLER_A end
  packet.id = self.v1
  packet.a1 = 0
  local v2, a2 = self.v2, packet.a2
  for i = 1, DATA_SIZE do
    v2 = v2 + 1
    if v2 > 26 then v2 = 1 end
    a2[i] = v2
  end
  self.v2 = v2
  return self.scheduler:queue(packet)
end

local HandlerTask = class()
function HandlerTask.new(scheduler) return setmetatable({ scheduler = scheduler }, HandlerTask) end
function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then self.v1 = packet:add_to(self.v1)
    else self.v2 = packet:add_to(self.v2) end
  end
  local v1 = self.v1
  if v1 ~= nil then
    local count = v1.a1
    if count < DATA_SIZE then
      local v2 = self.v2
      if v2 ~= nil then
        self.v2 = v2.link
        v2.a1 = v1.a2[count + 1]
        v1.a1 = count + 1
        return self.scheduler:queue(v2)
      end
    else
      self.v1 = v1.link
      return self.scheduler:queue(v1)
    end
  end
  return self.scheduler:suspend_current()
end

---------------------------------------------------------------- driver

local function run_richards()
  local s = Scheduler.new()
  s:add_running_task(ID_IDLE, 0, nil, IdleTask.new(s, 1, COUNT))

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  s:add_task(ID_WORKER, 1000, queue, WorkerTask.new(s, ID_HANDLER_A, 0))

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  s:add_task(ID_HANDLER_A, 2000, queue, HandlerTask.new(s))

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  s:add_task(ID_HANDLER_B, 3000, queue, HandlerTask.new(s))

  s:add_task(ID_DEVICE_A, 4000, nil, DeviceTask.new(s))
  s:add_task(ID_DEVICE_B, 5000, nil, DeviceTask.new(s))

  s:schedule()
  return s.queue_count, s.hold_count
end

local total_queue, total_hold = 0, 0
for round = 1, ROUNDS do
  local q, h = run_richards()
  if q ~= EXPECTED_QUEUE_COUNT or h ~= EXPECTED_HOLD_COUNT then
    error(string.format("round %d: queueCount %d holdCount %d, expected %d and %d",
                        round, q, h, EXPECTED_QUEUE_COUNT, EXPECTED_HOLD_COUNT))
  end
  total_queue, total_hold = total_queue + q, total_hold + h
end
print(string.format("%d rounds: queueCount %d, holdCount %d", ROUNDS, total_queue, total_hold))

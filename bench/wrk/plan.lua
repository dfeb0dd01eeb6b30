-- Replays a request plan written by the HTTP benchmark (bench/OrderTracking.Benchmarks, verb `http`).
-- Usage: wrk -t T -c C -d D -s bench/wrk/plan.lua URL -- T PLAN_FILE ["Header: value" ...]
-- The plan has one request a line: slot<TAB>method<TAB>path<TAB>body (body may be empty). Thread t of T takes the
-- lines whose slot % T == t, in file order and round and round, so two threads never move the same order at once.
-- A header given as "Name: {unique}prefix" gets prefix..thread.."-"..n, a fresh value per request (Idempotency-Key).
-- The argument "record-errors" keeps the first answer that was not 2xx or 3xx and prints it (costs a Lua call a response).
-- done() prints one line "wrk-json {...}" with the counts, the latency percentiles in microseconds and, per thread,
-- the position in its share of the plan of the last request it sent (its last requests may still be running).
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  local threads = tonumber(args[1])
  local get_headers, body_headers = {}, { ["Content-Type"] = "application/json" }
  for i = 3, #args do
    if args[i] == "record-errors" then
      response = record_error
      goto continue
    end
    local name, value = args[i]:match("^([^:]+):%s*(.*)$")
    local prefix = value:match("^{unique}(.*)$")
    if prefix then
      unique_name, unique_prefix = name, prefix .. thread_index .. "-"
    else
      get_headers[name] = value
      body_headers[name] = value
    end
    ::continue::
  end

  plan = {}
  for line in io.lines(args[2]) do
    local slot, method, path, body = line:match("^(%d+)\t(%u+)\t([^\t]+)\t?(.*)$")
    if slot and tonumber(slot) % threads == thread_index then
      local has_body = body ~= ""
      plan[#plan + 1] = {
        method = method,
        path = path,
        body = has_body and body or nil,
        headers = has_body and body_headers or get_headers,
      }
    end
  end
  assert(#plan > 0, "thread " .. thread_index .. " has no requests in " .. args[2])

  if not unique_name then
    for _, r in ipairs(plan) do
      r.formatted = wrk.format(r.method, r.path, r.headers, r.body)
    end
  end
  position, sequence = 0, 0
  -- wrk (4.1) calls request() once on the first thread before the run, to check it (script_verify_request), and
  -- sends nothing; that call must not advance the plan, or the thread would skip a status change.
  verifying = thread_index == 0
end

function request()
  if verifying then
    verifying = false
    local r = plan[1]
    return wrk.format(r.method, r.path, r.headers, r.body)
  end
  position = position % #plan + 1
  local r = plan[position]
  if r.formatted then
    return r.formatted
  end
  sequence = sequence + 1
  r.headers[unique_name] = unique_prefix .. sequence
  return wrk.format(r.method, r.path, r.headers, r.body)
end

function record_error(status, headers, body)
  if status >= 400 and not first_error then
    first_error = status .. " " .. (body or ""):sub(1, 300)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local positions = {}
  local first_error = ""
  for i, thread in ipairs(threads) do
    positions[i] = tostring(thread:get("position") or 0)
    first_error = first_error ~= "" and first_error or (thread:get("first_error") or "")
  end
  io.write(string.format(
    'wrk-json {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
    '"statusErrors":%d,"timeouts":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"positions":[%s],"firstError":"%s"}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, table.concat(positions, ","),
    first_error:gsub('[%c"\\]', " ")))
end

-- wrk script: each request carries the session of one of many signed-in users (round robin),
-- optionally with think time; reports request rate and latency percentiles on one RESULT line.
-- Arguments: the file of session ids, the mean think time in milliseconds (0 = none), and
-- optionally one more request header as "Name: value" (e.g. "HX-Request: true" for a fragment).
local cookies = {}
local n = 0
local think = 0
local extra_name = nil
local extra_value = nil

-- Each thread has its own Lua state: without its own seed, both would draw the same pauses and
-- their connections would send in pairs.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(cookies, line) end
  end
  think = tonumber(args[2] or "0")
  if args[3] then
    extra_name, extra_value = args[3]:match("^([^:]+):%s*(.*)$")
  end
end

-- A user reads the page before the next click: the pause between one connection's requests (ms).
delay = function()
  if think > 0 then return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
  return 0
end

request = function()
  n = n + 1
  local headers = {}
  -- An empty file of sessions: requests without a cookie, as a resident's browser asks.
  if #cookies > 0 then headers["Cookie"] = "SESSION=" .. cookies[(n % #cookies) + 1] end
  if extra_name then headers[extra_name] = extra_value end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end

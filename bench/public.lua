-- wrk script for the public site: requests without a cookie, optionally with one more header
-- (e.g. "If-None-Match: \"…\"" for conditional requests); one RESULT line as bench/sessions.lua.
-- Arguments: optionally the extra header as "Name: value".
local extra_name = nil
local extra_value = nil

init = function(args)
  if args[1] and #args[1] > 0 then
    extra_name, extra_value = args[1]:match("^([^:]+):%s*(.*)$")
  end
end

request = function()
  local headers = {}
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

-- wrk script for benchmarks/web_load.py: each connection walks the request paths
-- listed in the file named after `--`, and the summary prints one RESULT line:
-- requests, p50 ms, p95 ms, p99 ms, max ms, socket errors, HTTP errors (status >= 400).

local paths = {}
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %d %.2f %.2f %.2f %.2f %d %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end

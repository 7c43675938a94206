-- wrk: a GET with more headers ("name: value" lines in BENCH_HEADERS), counting
-- 304 Not Modified as the answer it is meant to be (wrk counts 3xx as errors).
for name, value in string.gmatch(os.getenv("BENCH_HEADERS") or "", "([^:\n]+): ([^\n]*)") do
  wrk.headers[name] = value
end
local unexpected = 0
function response(status, headers, body)
  if status ~= 200 and status ~= 304 then unexpected = unexpected + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("unexpected statuses: %d\n", unexpected))
end

-- wrk: POST a fixed body with a content type, and more headers ("name: value"
-- lines in BENCH_HEADERS), all from the environment.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["content-type"] = os.getenv("BENCH_TYPE")
for name, value in string.gmatch(os.getenv("BENCH_HEADERS") or "", "([^:\n]+): ([^\n]*)") do
  wrk.headers[name] = value
end

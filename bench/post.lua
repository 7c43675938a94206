-- wrk: POST a fixed body with a content type (both from the environment).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["content-type"] = os.getenv("BENCH_TYPE")

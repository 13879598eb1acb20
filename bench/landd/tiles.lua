-- wrk: GET a random tile of the list in TILES_FILE (one path per line).
local paths = {}
for line in io.lines(os.getenv("TILES_FILE")) do paths[#paths + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  io.write(string.format("tiles/s %.0f  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

-- GET /api/v1/index/ranking?peers=wards&period=<one of the last 11 months>, from the daily counters.
local months = {}
for line in io.lines(os.getenv("MONTHS_FILE") or "bench/out/index-months.txt") do
  months[#months + 1] = line
end
local token = os.getenv("TOKEN")

request = function()
  local m = months[math.random(#months)]
  return wrk.format("GET", "/api/v1/index/ranking?peers=wards&size=100&period=" .. m,
    { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

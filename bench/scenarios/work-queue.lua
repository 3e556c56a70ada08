-- GET /api/v1/work-queue for a random ward committee, as a city-wide official (the admin token): one page by
-- appointment with its badge counts.
local agencies = {}
for line in io.lines(os.getenv("AGENCIES_FILE") or "bench/out/ward-agencies.txt") do
  agencies[#agencies + 1] = line
end
local token = os.getenv("TOKEN")

request = function()
  local agency = agencies[math.random(#agencies)]
  return wrk.format("GET", "/api/v1/work-queue?size=20&agency=" .. agency, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

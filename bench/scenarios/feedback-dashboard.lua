-- GET /api/v1/feedback/dashboard (the whole city) as the city admin.
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("GET", "/api/v1/feedback/dashboard", { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

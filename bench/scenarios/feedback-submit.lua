-- POST /api/v1/feedback/reports at a random ward's label point, with an API key.
local points = {}
for line in io.lines(os.getenv("POINTS_FILE") or "bench/out/feedback-points.txt") do
  points[#points + 1] = line
end
local key = os.getenv("BENCH_API_KEY")

request = function()
  local lat, lon = points[math.random(#points)]:match("([^,]+),([^,]+)")
  local body = string.format('{"categoryCode":"chieu-sang","title":"Đèn đường không sáng",'
    .. '"description":"Đèn đường trước số nhà này không sáng từ tối qua.","lat":%s,"lon":%s}', lat, lon)
  return wrk.format("POST", "/api/v1/feedback/reports",
    { ["X-API-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

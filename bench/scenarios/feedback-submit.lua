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

dofile("bench/scenarios/report.lua")

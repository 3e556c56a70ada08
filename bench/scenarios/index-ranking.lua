-- GET /api/v1/index/ranking?peers=wards&period=<one of the last 11 months>, from the monthly roll-up.
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

dofile("bench/scenarios/report.lua")

-- GET /api/v1/index/dashboard: what the IOC screen shows (tiles, rankings, map, trend) for this month.
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("GET", "/api/v1/index/dashboard", { ["Authorization"] = "Bearer " .. token })
end

dofile("bench/scenarios/report.lua")

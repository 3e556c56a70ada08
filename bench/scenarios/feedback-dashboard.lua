-- GET /api/v1/feedback/dashboard (the whole city) as the city admin.
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("GET", "/api/v1/feedback/dashboard", { ["Authorization"] = "Bearer " .. token })
end

dofile("bench/scenarios/report.lua")

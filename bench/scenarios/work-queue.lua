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

dofile("bench/scenarios/report.lua")

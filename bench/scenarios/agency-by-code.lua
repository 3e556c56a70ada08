-- GET /api/v1/agencies/{code} for a random agency, with a bearer token.
local codes = {}
for line in io.lines(os.getenv("CODES_FILE") or "bench/out/agency-codes.txt") do
  codes[#codes + 1] = line
end
local token = os.getenv("TOKEN")

request = function()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/agencies/" .. code, { ["Authorization"] = "Bearer " .. token })
end

dofile("bench/scenarios/report.lua")

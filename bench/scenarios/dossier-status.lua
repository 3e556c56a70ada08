-- GET /api/v1/dossiers/{code}/status for a random dossier, without login (a public lookup).
local codes = {}
for line in io.lines(os.getenv("CODES_FILE") or "bench/out/agency-codes.txt") do
  codes[#codes + 1] = line
end

request = function()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/dossiers/" .. code .. "/status")
end

dofile("bench/scenarios/report.lua")

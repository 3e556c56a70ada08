-- GET /api/v1/dossiers/{code}/status for a random dossier, without login (a public lookup).
local codes = {}
for line in io.lines(os.getenv("CODES_FILE") or "bench/out/agency-codes.txt") do
  codes[#codes + 1] = line
end

request = function()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/dossiers/" .. code .. "/status")
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

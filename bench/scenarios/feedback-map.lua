-- GET /api/v1/feedback/map?bbox=… for a random district-sized box, without login (the public map).
local boxes = {}
for line in io.lines(os.getenv("BOXES_FILE") or "bench/out/feedback-boxes.txt") do
  boxes[#boxes + 1] = line
end

request = function()
  local box = boxes[math.random(#boxes)]
  return wrk.format("GET", "/api/v1/feedback/map?limit=500&bbox=" .. box)
end

done = function(summary, latency, requests)
  io.write(string.format("CITYGOV_P50 %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("CITYGOV_P95 %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("CITYGOV_P99 %.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end

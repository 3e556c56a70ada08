-- GET /api/v1/feedback/map?bbox=… for a random district-sized box, without login (the public map).
local boxes = {}
for line in io.lines(os.getenv("BOXES_FILE") or "bench/out/feedback-boxes.txt") do
  boxes[#boxes + 1] = line
end

request = function()
  local box = boxes[math.random(#boxes)]
  return wrk.format("GET", "/api/v1/feedback/map?limit=500&bbox=" .. box)
end

dofile("bench/scenarios/report.lua")

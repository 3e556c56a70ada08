-- GET /work-queue, the page (HTML with layout, badges and one-click actions), as a signed-in ward official:
-- the first page, or one state's page.
local paths = { "/work-queue", "/work-queue", "/work-queue?state=in_progress", "/work-queue?state=accepted" }
local cookie = os.getenv("SESSION_COOKIE")

request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

dofile("bench/scenarios/report.lua")

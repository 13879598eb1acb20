-- wrk script: parcels in random boxes of BOX_W x BOX_H degrees inside the extent
-- MINX,MINY,MAXX,MAXY (CRS84), optionally as of DATETIME. Set by bench/landd_bench.sh.
local minx, miny = tonumber(os.getenv("MINX")), tonumber(os.getenv("MINY"))
local maxx, maxy = tonumber(os.getenv("MAXX")), tonumber(os.getenv("MAXY"))
local w, h = tonumber(os.getenv("BOX_W")), tonumber(os.getenv("BOX_H"))
local datetime = os.getenv("DATETIME") or ""

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  local x = minx + math.random() * (maxx - minx - w)
  local y = miny + math.random() * (maxy - miny - h)
  local path = string.format("/collections/parcels/items?bbox=%.7f,%.7f,%.7f,%.7f&limit=100", x, y, x + w, y + h)
  if datetime ~= "" then path = path .. "&datetime=" .. datetime end
  return wrk.format("GET", path)
end

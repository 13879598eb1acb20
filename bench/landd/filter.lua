-- wrk script for filtered item pages. With BOX_W/BOX_H set: CQL2 S_INTERSECTS with a random
-- BBOX of that size (degrees) inside MINX,MINY,MAXX,MAXY (CRS84) on the parcels; else the fixed
-- path TARGET. CRS (a URI, optional) is appended as crs=. Set by bench/landd_filter_bench.sh.
local target = os.getenv("TARGET") or ""
local crs = os.getenv("CRS") or ""
local w, h = tonumber(os.getenv("BOX_W") or ""), tonumber(os.getenv("BOX_H") or "")
local minx, miny = tonumber(os.getenv("MINX") or "0"), tonumber(os.getenv("MINY") or "0")
local maxx, maxy = tonumber(os.getenv("MAXX") or "0"), tonumber(os.getenv("MAXY") or "0")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

local function encoded(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  local path = target
  if w ~= nil then
    local x = minx + math.random() * (maxx - minx - w)
    local y = miny + math.random() * (maxy - miny - h)
    local filter = string.format("S_INTERSECTS(geometry, BBOX(%.7f,%.7f,%.7f,%.7f))", x, y, x + w, y + h)
    path = "/collections/parcels/items?limit=100&filter=" .. encoded(filter)
  end
  if crs ~= "" then path = path .. "&crs=" .. encoded(crs) end
  return wrk.format("GET", path)
end

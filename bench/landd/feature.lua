-- wrk script: single parcels by uid (1..UIDS), as of DATETIME (every one of them existed then).
local uids = tonumber(os.getenv("UIDS"))
local datetime = os.getenv("DATETIME")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  return wrk.format("GET", string.format("/collections/parcels/items/%d?datetime=%s", math.random(1, uids), datetime))
end

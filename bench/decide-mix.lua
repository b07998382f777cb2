-- wrk script: POST /decide cycling through the request bodies of bench/profiles.ndjson (one JSON per line),
-- with the Bearer token from $TOKEN. Optional $DELAY_MS (a fraction is spread over requests) paces each
-- connection to reach a target rate, since wrk itself cannot rate-limit.
local bodies = {}
local counter = 0
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local token = os.getenv("TOKEN") or ""
local file = os.getenv("PROFILES") or "bench/profiles.ndjson"

for line in io.lines(file) do
  if #line > 0 then bodies[#bodies + 1] = line end
end

wrk.method = "POST"
wrk.path = "/decide"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function init(args)
  -- threads start at different offsets so they do not send the same body at the same moment
  counter = math.random(#bodies) - 1
  math.randomseed(os.time() + counter)
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])
end

-- defined only when pacing: wrk schedules a timer per request whenever a delay function exists
if delay_ms > 0 then
  function delay()
    local whole = math.floor(delay_ms)
    if math.random() < delay_ms - whole then whole = whole + 1 end
    return whole
  end
end
-- no response() function: wrk would then hand every response to Lua, costing client CPU on a 2-core machine;
-- wrk's own "Non-2xx or 3xx responses" line counts failures.

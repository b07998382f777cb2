-- wrk script: POST /decide cycling through the request bodies of bench/profiles.ndjson (one JSON per line),
-- with the Bearer token from $TOKEN. Each request gets its own customer id (wrk thread and counter), so that every
-- request is a new decision, as in real traffic: the same body again would be the same decision (same id), which the
-- decision log keeps once and so writes almost for free. Optional $DELAY_MS (a fraction is spread over requests)
-- paces each connection to reach a target rate, since wrk itself cannot rate-limit.
local bodies = {}
local counter = 0
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local token = os.getenv("TOKEN") or ""
local file = os.getenv("PROFILES") or "bench/profiles.ndjson"

-- each body split around its customer id's value: head .. id .. tail
for line in io.lines(file) do
  if #line > 0 then
    local id_start, id_end = line:find('"customerId":"[^"]*')
    local value_start = id_start + #'"customerId":"'
    bodies[#bodies + 1] = { line:sub(1, value_start - 1), line:sub(id_end + 1) }
  end
end

wrk.method = "POST"
wrk.path = "/decide"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  -- threads start at different offsets so they do not send the same body at the same moment
  counter = math.random(#bodies) - 1
  math.randomseed(os.time() + counter)
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format(nil, nil, nil, body[1] .. "w" .. (thread_number or 0) .. "-" .. counter .. body[2])
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

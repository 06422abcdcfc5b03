-- wrk script for bench/http/load.sh: a mix of what the API is asked, on a synthetic graph of PEOPLE people
-- (ids nm00000001...): 40% person lookups by id, 25% name searches, 25% coStarChain between two random people,
-- 10% a query the API must refuse (credits nested six deep: COST_LIMIT_EXCEEDED). Each thread draws from its own
-- fixed seed. An answer is expected when it is 200 and either has no errors or is that refusal; anything else is
-- counted as unexpected, and the first few are printed.
local people = tonumber(os.getenv("PEOPLE") or "100000")
local syllables = { "an", "bel", "cor", "da", "el", "fin", "gar", "hal", "is", "jo", "ka", "lin", "mar", "no", "or",
  "pe", "qui", "ro", "sa", "ta", "ul", "ven", "wil", "xa", "yo", "zel" }
local threads = {}
local next_thread = 1

-- Counted per thread, read by done() through thread:get.
unexpected = 0
refused = 0
shown = 0

function setup(thread)
  thread:set("seed", next_thread)
  next_thread = next_thread + 1
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(tonumber(seed) * 7919)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local function person()
  return string.format("nm%08d", math.random(1, people))
end

local refusal = '{"query":"{ person(id: \\"nm00000001\\") { credits { film { credits { person { credits { film { credits { person { credits { film { credits { person { id } } } } } } } } } } } } } }"}'

function request()
  local r = math.random(100)
  local body
  if r <= 40 then
    body = string.format('{"query":"query($id: ID!) { person(id: $id) { id name born } }","variables":{"id":"%s"}}', person())
  elseif r <= 65 then
    local text = syllables[math.random(#syllables)] .. syllables[math.random(#syllables)]
    body = string.format('{"query":"query($t: String!) { search(text: $t, first: 10) { id label score } }","variables":{"t":"%s"}}', text)
  elseif r <= 90 then
    body = string.format(
      '{"query":"query($a: ID!, $b: ID!) { coStarChain(from: $a, to: $b) { length links { film { id } to { id } } } }","variables":{"a":"%s","b":"%s"}}',
      person(), person())
  else
    body = refusal
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 200 and body:find('"COST_LIMIT_EXCEEDED"', 1, true) then
    refused = refused + 1
  elseif status ~= 200 or body:find('"errors"', 1, true) then
    unexpected = unexpected + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write(string.format("unexpected answer %d: %s\n", status, body:sub(1, 300)))
    end
  end
end

function done(summary, latency, requests)
  local bad, refusals = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("unexpected") or 0)
    refusals = refusals + (t:get("refused") or 0)
  end
  local e = summary.errors
  io.write(string.format("requests: %d\n", summary.requests))
  io.write(string.format("requests_per_second: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency_p50_ms: %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("latency_p99_ms: %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("latency_max_ms: %.2f\n", latency.max / 1000))
  io.write(string.format("refused_as_expected: %d\n", refusals))
  io.write(string.format("unexpected_answers: %d\n", bad))
  io.write(string.format("non_2xx: %d\n", e.status))
  io.write(string.format("socket_errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
end

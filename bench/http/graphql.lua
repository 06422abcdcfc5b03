-- wrk script for the API. MODE=chain (default) posts a coStarChain query for each pair of PAIRS (a pairs.tsv
-- written by `filmgraph-bench chains ... --export DIR`), cycling through them; MODE=person posts a person lookup
-- by id. Answers that are not 200 or carry GraphQL errors are counted and reported at the end.
local mode = os.getenv("MODE") or "chain"
local pairs = {}
local index = 0
bad = 0  -- global, so that done() can read each thread's count
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  if mode == "chain" then
    local path = os.getenv("PAIRS") or "pairs.tsv"
    for line in io.lines(path) do
      local from, to = line:match("^(%S+)\t(%S+)")
      if from then pairs[#pairs + 1] = { from, to } end
    end
  end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  local body
  if mode == "chain" then
    index = index % #pairs + 1
    body = string.format(
      '{"query":"query($a: ID!, $b: ID!) { coStarChain(from: $a, to: $b) { length links { film { id } to { id } } } }","variables":{"a":"%s","b":"%s"}}',
      pairs[index][1], pairs[index][2])
  else
    body = '{"query":"{ person(id: \\"nm00000042\\") { id name born } }"}'
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("bad") or 0) end
  io.write(string.format("graphql_errors: %d\n", total))
  io.write(string.format("latency_p50_ms: %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("latency_p99_ms: %.3f\n", latency:percentile(99) / 1000))
end

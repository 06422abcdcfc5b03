-- wrk script: POST a coStarChain query for each pair of PAIRS (a pairs.tsv written by
-- `filmgraph-bench chains ... --export DIR`), cycling through them.
local pairs = {}
local index = 0

function init(args)
  local path = os.getenv("PAIRS") or "pairs.tsv"
  for line in io.lines(path) do
    local from, to = line:match("^(%S+)\t(%S+)")
    if from then pairs[#pairs + 1] = { from, to } end
  end
  if #pairs == 0 then error("no pairs in " .. path) end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  index = index % #pairs + 1
  local p = pairs[index]
  local body = string.format(
    '{"query":"query($a: ID!, $b: ID!) { coStarChain(from: $a, to: $b) { length links { film { id } to { id } } } }","variables":{"a":"%s","b":"%s"}}',
    p[1], p[2])
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"') then
    error("bad answer: " .. status .. " " .. body)
  end
end

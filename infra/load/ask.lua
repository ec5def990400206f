-- wrk script: POST /api/ask with a rotating set of the paper's questions.
-- PACE_MS=n makes each connection wait n ms between requests (a well-behaved user); unset, it sends back to back.
local questions = {
  "When did Russia and Pakistan sign the gas pipeline deal?",
  "Why does Russia see Pakistan as important for Afghanistan?",
  "How did Russia's share of India's defence market change?",
  "What does RLNG stand for?",
  "Who visualised the CPEC?",
  "What is the capital of France?",
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  i = i + 1
  return wrk.format(nil, "/api/ask", nil, '{"question": "' .. questions[(i % #questions) + 1] .. '"}')
end

local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  delay = function() return pace end
end

done = function(summary, latency, requests)
  local statuses = summary.errors.status
  io.write(string.format("RESULT rps=%.1f p50=%.1fms p99=%.1fms requests=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, statuses))
end

#!/usr/bin/env bash
# Throughput and p99 of /api/ask at 16 and 64 connections, alone and with one client flooding from another loopback
# address, with the per-client limit off (the default) and on. Loopback only; every run is bounded in time.
# Needs: wrk (apt-get install -y wrk), python3, a Release build (dotnet build -c Release src/PaperBot.Host).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5180}; SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
DLL=src/PaperBot.Host/bin/Release/net10.0/PaperBot.Host.dll
CACHE=$(mktemp -d)
HOST_PID=""
trap '[ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null; rm -rf "$CACHE"' EXIT
if curl -s "http://127.0.0.1:$PORT/healthz" > /dev/null; then echo "port $PORT is already in use" >&2; exit 1; fi

run_host() {  # $1 = Http:AskPermitsPerMinute
  dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --Knowledge:CachePath="$CACHE" --Http:AskPermitsPerMinute="$1" > "$CACHE/host.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$PORT/api/ask" -H 'Content-Type: application/json' -d '{"question":"What is CPEC?"}' > /dev/null
}

measure() {  # $1 = label, $2 = connections, $3 = pace ms (0 = back to back), $4 = flood (yes/no)
  if [ "$4" = yes ]; then python3 infra/load/flood.py 127.0.0.1 "$PORT" 127.0.0.2 32 "$SECONDS_PER_RUN" > "$CACHE/flood.txt" & FLOOD_PID=$!; fi
  PACE_MS=$3 wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" --timeout 10s -s infra/load/ask.lua "http://127.0.0.1:$PORT" | grep RESULT | sed "s|^|$1 |"
  if [ "$4" = yes ]; then wait "$FLOOD_PID"; sed "s|^|$1 |" "$CACHE/flood.txt"; fi
}

run_host 0
measure "c16 alone" 16 0 no
measure "c64 alone" 64 0 no
measure "c16 paced alone" 16 2000 no
measure "c64 paced alone" 64 8000 no
measure "c16+flood limit-off" 16 0 yes
measure "c64+flood limit-off" 64 0 yes
measure "c16 paced+flood limit-off" 16 2000 yes
measure "c64 paced+flood limit-off" 64 8000 yes
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true

run_host 600
measure "c16 paced+flood limit-600/min" 16 2000 yes
measure "c64 paced+flood limit-600/min" 64 8000 yes
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
HOST_PID=""

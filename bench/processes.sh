#!/usr/bin/env bash
# Throughput of the built API at API_PROCESSES=N, with wrk (apt-get install wrk) on two GET queries;
# docs/operations.md has the figures. Needs dist/ (npm run build) and the scale database cbec_bench.
#   bash bench/processes.sh 1; bash bench/processes.sh 2     (interleave several rounds: the machine is noisy)
set -euo pipefail
cd "$(dirname "$0")/.."
P=${1:?processes}
export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cbec_bench API_PROCESSES=$P PORT=4600 HOST=127.0.0.1 LOG_LEVEL=warn ACCESS_LOG=false SEED=false DB_POOL_SIZE=$((16 / P)) RATE_LIMIT_ANONYMOUS=1000000000
node_modules/.bin/node dist/src/main.js > "${TMPDIR:-/tmp}/cbec-processes-bench.log" 2>&1 &
PID=$!
for i in $(seq 1 60); do grep -q ready "${TMPDIR:-/tmp}/cbec-processes-bench.log" && break; sleep 0.5; done
Q1='query=%7B__typename%7D'
Q2='query=%7BoverseasWarehouses(first%3A20)%7Bnodes%7BnameZh%20country%7Bcode%7D%20operator%7BnameZh%7D%7D%7D%7D'
for q in "$Q1" "$Q2"; do
  curl -s "http://127.0.0.1:4600/graphql?$q" > /dev/null
  wrk -t2 -c32 -d6s "http://127.0.0.1:4600/graphql?$q" | grep -E "Requests/sec|Latency" | tr -s ' ' | tr '\n' ' '; echo
done
kill -TERM $PID; wait $PID 2>/dev/null

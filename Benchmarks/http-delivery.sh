#!/usr/bin/env bash
# Release benchmark: delivery of N dossiers (default 1,000) over HTTPS to the
# local test receiver (Tests/MotCuaCLITests/Receiver/receiver.py, Python's
# ssl with a self-signed certificate made here by the openssl CLI), through
# `motcua queue deliver --to https://127.0.0.1:PORT`. Peers in the same run:
# one request at a time (parallel 1), and plain HTTP on loopback.
# Usage: Benchmarks/http-delivery.sh [N]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
swift build -c release --product motcua >/dev/null
BIN=$PWD/.build/release/motcua
export MOTCUA_HOME=$PWD
work=$(mktemp -d)
receiver_pid=
cleanup() { [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null

# N dossiers of the birth registration form, submitted once and copied for each run.
answers=()
for ((i = 0; i < N; i++)); do answers+=(Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json); done
"$BIN" submit Forms/khai-sinh.json "${answers[@]}" --data-dir "$work/seed" --kiosk HD01 >/dev/null 2>&1

start_receiver() {  # $@: extra receiver arguments; sets port
  python3 Tests/MotCuaCLITests/Receiver/receiver.py "$@" >"$work/port" 2>/dev/null &
  receiver_pid=$!
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
  port=$(head -1 "$work/port")
}

run() {  # $1 label, $2 scheme, $3 parallel
  rm -rf "$work/data" && cp -a "$work/seed" "$work/data"
  printf '{"deliverHTTP": {"parallel": %d, "caFile": "%s"}}\n' "$3" "$work/cert.pem" >"$work/data/settings.json"
  if [ "$2" = https ]; then start_receiver --tls "$work/cert.pem" "$work/key.pem"; else start_receiver; fi
  local t0 t1 out
  t0=$(date +%s.%N)
  out=$("$BIN" queue deliver --to "$2://127.0.0.1:$port" --data-dir "$work/data" 2>/dev/null)
  t1=$(date +%s.%N)
  kill "$receiver_pid"; wait "$receiver_pid" 2>/dev/null || true; receiver_pid=
  echo "$out" | grep -q "^delivered $N," || { echo "FAILED: $out" >&2; exit 1; }
  awk -v n="$N" -v a="$t0" -v b="$t1" -v l="$1" 'BEGIN { printf "%-34s %6.2f s  %7.0f dossiers/s\n", l, b - a, n / (b - a) }'
}

# The ceiling: curl alone, the same N PUTs of one dossier in one --parallel run, no queue.
curl_alone() {
  start_receiver
  local body=Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json hash t0 t1
  hash=$(sha256sum "$body" | cut -c1-64)
  { printf 'parallel\nparallel-immediate\nparallel-max = 8\nsilent\nno-progress-meter\n'
    for ((i = 0; i < N; i++)); do
      [ $i -gt 0 ] && echo next
      printf 'url = "http://127.0.0.1:%s/dossiers/peer-%08d"\nrequest = "PUT"\ndata-binary = "@%s"\nheader = "Content-SHA256: %s"\nheader = "Expect:"\noutput = "/dev/null"\n' "$port" "$i" "$body" "$hash"
    done; } >"$work/curl.cfg"
  t0=$(date +%s.%N); curl -q -K "$work/curl.cfg"; t1=$(date +%s.%N)
  kill "$receiver_pid"; wait "$receiver_pid" 2>/dev/null || true; receiver_pid=
  awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%-34s %6.2f s  %7.0f dossiers/s\n", "peer: curl alone, http, parallel 8", b - a, n / (b - a) }'
}

echo "delivery of $N dossiers to the local receiver ($(curl --version | head -1 | cut -d' ' -f1-2), $(python3 --version))"
run "https, parallel 8 (default)" https 8
run "https, parallel 16" https 16
run "https, parallel 1 (one at a time)" https 1
run "http loopback, parallel 8" http 8
curl_alone
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

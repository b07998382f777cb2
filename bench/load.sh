#!/usr/bin/env bash
# HTTP load test of the coupon decision service, then of the bare "floor" server with the same wrk
# measurement, on 127.0.0.1 only. Bounded: every phase has a fixed duration and a watchdog stops the whole
# run after MAX_SECONDS; everything started here is stopped on exit.
#
#   bench/load.sh                 # defaults below; results in target/load-<time>/ (summary.txt)
#   DURATION=20 WARMUP=60 bench/load.sh
#   SERVICE_JAVA_OPTS="-Xmx256m" bench/load.sh   # JVM options of the service (default: none, as the README starts it)
#   JFR=1 bench/load.sh           # also record a JFR profile of the service during the 32-connection run
#
# Phases: build what is missing (jar; bench classes and their classpath) → start the service on copies of
# the shipped rules, time until /q/health/ready is UP → warm up → wrk /decide at CONNECTIONS → wrk paced at
# half that rate → /decide/batch with BATCH_LINES NDJSON lines (twice: the first warms the batch path) →
# reload of the shipped ruleset after a content change → stop; RSS sampled every second all along →
# start the floor server → same warm-up and wrk run → ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT=${PORT:-18080}
FLOOR_PORT=${FLOOR_PORT:-18091}
# 90 s: with 32 request threads on 2 cores the JIT needs ~60 s to reach a steady rate (30 s was not enough)
WARMUP=${WARMUP:-90}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
BATCH_LINES=${BATCH_LINES:-100000}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
FLOOR_JAVA_OPTS=${FLOOR_JAVA_OPTS:-}
JFR=${JFR:-0}
MAX_SECONDS=${MAX_SECONDS:-590}
OUT=${OUT:-target/load-$(date +%Y%m%d-%H%M%S)}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SUMMARY=$OUT/summary.txt
: > "$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }
load() { say "  load: $(uptime | sed 's/.*load average/load average/'); top: $(top -bn1 | sed -n '8,10p' | awk '{printf "%s %s%% ", $12, $9}')"; }

PIDS=()
TMP=$(mktemp -d)
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'say "stopped: interrupted or over ${MAX_SECONDS}s"; exit 124' INT TERM
# Watchdog: the whole run is bounded whatever happens (the sleep is its own process, stopped in cleanup).
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM; sleep "$MAX_SECONDS" & sleeper=$!; wait "$sleeper" && kill -TERM $$ 2>/dev/null ) &
PIDS+=($!)

# --- tools and builds --------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  apt-get update -q && apt-get install -y -q wrk
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "building the service jar"
  mvn -B -q package -Dmaven.test.skip=true
fi
if [ ! -f target/test-classes/dev/coupondecision/bench/FloorServer.class ] || [ ! -f target/bench-classpath.txt ]; then
  echo "building the bench classes"
  mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
CLASSPATH_FLOOR=$ROOT/target/test-classes:$ROOT/target/classes:$(cat target/bench-classpath.txt)

# the per-thread CPU sample skips the first and last seconds of a measured run
cpu_skip=$(( DURATION > 15 ? 5 : 1 ))
cpu_window=$(( DURATION > 15 ? DURATION - 10 : DURATION - 2 > 0 ? DURATION - 2 : 1 ))

CRM=$(bin/rules token crm)
ANALYST=$(bin/rules token analyst)
BATCH_FILE=$ROOT/target/bench-batch-$BATCH_LINES.ndjson
if [ ! -f "$BATCH_FILE" ]; then
  # the committed profiles, cycled, each line with its own customer id
  awk -v n="$BATCH_LINES" '{ a[NR] = $0 } END { for (i = 0; i < n; i++) { l = a[i % NR + 1];
      sub(/"customerId":"[^"]*"/, sprintf("\"customerId\":\"b-%07d\"", i), l); print l } }' \
      bench/profiles.ndjson > "$BATCH_FILE"
fi

say "coupon decision service load test, $(date -u +%FT%TZ)"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/{print $2}') MiB RAM, $(java -version 2>&1 | head -1)"
say "settings: warm-up ${WARMUP}s, runs ${DURATION}s, ${CONNECTIONS} connections, ${WRK_THREADS} wrk threads, batch ${BATCH_LINES} lines"

# wrk_run NAME CONNECTIONS SECONDS [DELAY_MS] → wrk output in $OUT/NAME.txt
wrk_run() {
  local name=$1 connections=$2 seconds=$3 delay=${4:-0} port=$5
  TOKEN=$CRM DELAY_MS=$delay PROFILES=$ROOT/bench/profiles.ndjson \
    timeout $((seconds + 30)) wrk --latency -t "$WRK_THREADS" -c "$connections" -d "${seconds}s" --timeout 5s \
    -s "$ROOT/bench/decide-mix.lua" "http://127.0.0.1:$port/decide" > "$OUT/$name.txt" 2>&1
}
# warm_up NAME PORT: WARMUP seconds of the same load in 10-second slices, printing the rate of each slice, so the
# JIT warm-up curve is visible (on 2 saturated cores the compiler threads compete with 32 request threads).
warm_up() {
  local name=$1 port=$2 slice rates=""
  for slice in $(seq 1 $(( (WARMUP + 9) / 10 ))); do
    wrk_run "$name-$slice" "$CONNECTIONS" 10 0 "$port"
    rates="$rates $(rate "$name-$slice" | cut -d. -f1)"
  done
  say "$name req/s per 10 s:$rates"
}
# thread_cpu PID SECONDS: CPU used by the process's threads over SECONDS, by thread name (in % of one core)
thread_cpu() {
  local pid=$1 seconds=$2
  snap() { for t in /proc/"$pid"/task/*; do echo "$(basename "$t") $(tr ' ' '_' < "$t/comm" 2>/dev/null) $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"; done 2>/dev/null; }
  snap > "$TMP/cpu1"; sleep "$seconds"; snap > "$TMP/cpu2"
  join <(sort "$TMP/cpu1") <(sort "$TMP/cpu2") | awk -v s="$seconds" -v hz="$(getconf CLK_TCK)" '
    NF == 5 { d = ($5 - $3) * 100 / hz / s; n = $2; sub(/[-#]?[0-9]+$/, "", n); c[n] += d; t += d }
    END { printf "%.0f%% of one core:", t; for (n in c) if (c[n] >= 1) printf " %s %.0f%%", n, c[n]; print "" }'
}
# CPU time of a whole process so far (all its threads, ended ones too), in microseconds
proc_cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000000 / hz }' "/proc/$1/stat"; }
requests() { awk '/requests in/{print $1}' "$OUT/$1.txt"; }
# measured NAME PID CONNECTIONS SECONDS DELAY PORT: a wrk run plus the CPU the server process used per request,
# which does not depend on what else the machine is running (the rate does)
measured() {
  local name=$1 pid=$2 before after
  before=$(proc_cpu_us "$pid")
  wrk_run "$name" "$3" "$4" "$5" "$6"
  after=$(proc_cpu_us "$pid")
  echo $(( (after - before) / $(requests "$name") )) > "$OUT/$name.cpu-us"
}
cpu_per_request() { cat "$OUT/$1.cpu-us"; }
rate() { awk '/^Requests\/sec/{print $2}' "$OUT/$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$OUT/$1.txt"; }
errors() { awk '/Non-2xx/{print $NF} /Socket errors/{print}' "$OUT/$1.txt" | tr '\n' ' '; }
report() {
  say "  $1: $(rate "$1") req/s, $(cpu_per_request "$1") us server CPU per request, latency p50 $(pct "$1" 50%) p90 $(pct "$1" 90%) p99 $(pct "$1" 99%), avg $(awk '/Latency/{print $2; exit}' "$OUT/$1.txt") $( [ -n "$(errors "$1")" ] && echo "errors: $(errors "$1")")"
}

# --- the service ---------------------------------------------------------------------------------------
cp -r rules decision-tables "$TMP/"
started=$(date +%s%N)
COUPON_JWT_PUBLIC_KEY_LOCATION=dev-jwt/publicKey.pem java $SERVICE_JAVA_OPTS \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
  -Dcoupon.rules-dir="$TMP/rules" -Dcoupon.tables-dir="$TMP/decision-tables" -Dcoupon.scenarios-dir="$ROOT/scenarios" \
  -Dcoupon.reload.enabled=false -Dcoupon.store.data-dir="$TMP/data" \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
( while kill -0 "$SERVICE" 2>/dev/null; do echo "$(date +%s) $(ps -o rss= -p "$SERVICE" 2>/dev/null)"; sleep 1; done ) > "$OUT/rss.txt" &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
  kill -0 "$SERVICE" 2>/dev/null || { say "the service exited; see $OUT/service.log"; exit 1; }
  [ $(( $(date +%s%N) - started )) -lt 60000000000 ] || { say "not ready after 60 s"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
say "service: ready ${ready_ms} ms after the process started (Quarkus says: $(grep -o 'started in [0-9.]*s' "$OUT/service.log" | head -1)); RSS at ready $(( $(ps -o rss= -p "$SERVICE") / 1024 )) MiB"
code=$(curl -s -o "$OUT/decide-example.json" -w '%{http_code}' -H "Authorization: Bearer $CRM" -H 'Content-Type: application/json' \
  --data-binary @docs/examples/decide-request.json "http://127.0.0.1:$PORT/decide")
[ "$code" = 200 ] || { say "POST /decide answered $code"; cat "$OUT/decide-example.json"; exit 1; }

load
warm_up service-warmup "$PORT"
if [ "$JFR" = 1 ]; then
  jcmd "$SERVICE" JFR.start name=load duration="${DURATION}s" filename="$OUT/service.jfr" settings=profile > /dev/null
fi
load
( sleep "$cpu_skip"; thread_cpu "$SERVICE" "$cpu_window" > "$OUT/service-thread-cpu.txt" ) &
cpu_sampler=$!
measured service-full "$SERVICE" "$CONNECTIONS" "$DURATION" 0 "$PORT"
wait "$cpu_sampler" || true
report service-full
say "  service CPU during the run (threads by name, short-lived worker threads that ended are missing): $(cat "$OUT/service-thread-cpu.txt")"
full=$(rate service-full)

# Half the measured rate: wrk cannot rate-limit, so each connection pauses between requests. A short probe
# measures the cycle time at the first guess of the pause and corrects it.
half=$(awk -v r="$full" 'BEGIN { printf "%.0f", r / 2 }')
delay0=$(awk -v c="$CONNECTIONS" -v h="$half" 'BEGIN { printf "%.3f", c * 1000 / h }')
wrk_run service-half-probe "$CONNECTIONS" 10 "$delay0" "$PORT"
delay1=$(awk -v c="$CONNECTIONS" -v h="$half" -v d="$delay0" -v r="$(rate service-half-probe)" \
  'BEGIN { lat = c * 1000 / r - d; if (lat < 0) lat = 0; x = c * 1000 / h - lat; if (x < 0) x = 0; printf "%.3f", x }')
load
measured service-half "$SERVICE" "$CONNECTIONS" "$DURATION" "$delay1" "$PORT"
say "  half rate: target $half req/s (pause ${delay1} ms per request per connection)"
report service-half

# Batch: 100,000 NDJSON lines end to end, twice (the first run warms the batch code path).
for run in 1 2; do
  load
  before=$(proc_cpu_us "$SERVICE")
  result=$(timeout 300 curl -s -o "$TMP/batch-out.ndjson" -w '%{time_total} %{http_code}' \
    -H "Authorization: Bearer $CRM" -H 'Content-Type: application/x-ndjson' --data-binary @"$BATCH_FILE" \
    "http://127.0.0.1:$PORT/decide/batch")
  seconds=${result% *}
  batch_cpu=$(( ($(proc_cpu_us "$SERVICE") - before) / BATCH_LINES ))
  lines=$(wc -l < "$TMP/batch-out.ndjson")
  bad=$(grep -c '"error"' "$TMP/batch-out.ndjson" || true)
  say "  batch run $run: $BATCH_LINES lines in ${seconds}s = $(awk -v n="$BATCH_LINES" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') profiles/s, ${batch_cpu} us service CPU per profile (HTTP ${result#* }, $lines result lines, $bad error lines, $(( $(stat -c %s "$BATCH_FILE") / 1048576 )) MiB in, $(( $(stat -c %s "$TMP/batch-out.ndjson") / 1048576 )) MiB out)"
  rm -f "$TMP/batch-out.ndjson"
done

# Reload: a changed rule file (a comment appended: same rules, new content hash) makes the shipped ruleset
# a new candidate, verified (lint, compile, scenarios) and swapped in.
for run in 1 2; do
  printf '\n// bench/load.sh reload %s\n' "$(date +%s%N)" >> "$TMP/rules/eligibility.drl"
  result=$(curl -s -o "$OUT/reload-$run.json" -w '%{time_total} %{http_code}' -X POST \
    -H "Authorization: Bearer $ANALYST" "http://127.0.0.1:$PORT/rulesets/reload")
  say "  reload run $run: ${result% *}s, HTTP ${result#* }, outcome $(grep -o '"outcome":"[A-Z]*"' "$OUT/reload-$run.json")"
done
max_rss=$(awk '$2 > m { m = $2 } END { print m }' "$OUT/rss.txt")
say "  max RSS of the service: $(( max_rss / 1024 )) MiB (sampled every second, $(wc -l < "$OUT/rss.txt") samples)"
kill "$SERVICE"
wait "$SERVICE" 2>/dev/null || true
if [ "$JFR" = 1 ] && [ -f "$OUT/service.jfr" ]; then
  bench/jfr-top.sh "$OUT/service.jfr" "" 40 > "$OUT/service-jfr-top.txt" || true
  say "  JFR profile: $OUT/service.jfr, summary in $OUT/service-jfr-top.txt"
fi

# --- the floor server ----------------------------------------------------------------------------------
java $FLOOR_JAVA_OPTS -cp "$CLASSPATH_FLOOR" dev.coupondecision.bench.FloorServer "$FLOOR_PORT" 127.0.0.1 > "$OUT/floor.log" 2>&1 &
FLOOR=$!
PIDS+=($FLOOR)
for _ in $(seq 1 200); do
  grep -q listening "$OUT/floor.log" && break
  kill -0 "$FLOOR" 2>/dev/null || { say "the floor server exited; see $OUT/floor.log"; exit 1; }
  sleep 0.05
done
code=$(curl -s -o "$OUT/floor-example.json" -w '%{http_code}' -H "Authorization: Bearer $CRM" -H 'Content-Type: application/json' \
  --data-binary @docs/examples/decide-request.json "http://127.0.0.1:$FLOOR_PORT/decide")
[ "$code" = 200 ] || { say "floor POST /decide answered $code"; exit 1; }
say "floor server: response $(stat -c %s "$OUT/floor-example.json") bytes vs the service's $(stat -c %s "$OUT/decide-example.json") bytes for docs/examples/decide-request.json"
load
warm_up floor-warmup "$FLOOR_PORT"
load
( sleep "$cpu_skip"; thread_cpu "$FLOOR" "$cpu_window" > "$OUT/floor-thread-cpu.txt" ) &
cpu_sampler=$!
measured floor-full "$FLOOR" "$CONNECTIONS" "$DURATION" 0 "$FLOOR_PORT"
wait "$cpu_sampler" || true
report floor-full
say "  floor CPU during the run: $(cat "$OUT/floor-thread-cpu.txt")"
kill "$FLOOR"
wait "$FLOOR" 2>/dev/null || true

say "ratio service/floor at $CONNECTIONS connections: throughput $(awk -v s="$full" -v f="$(rate floor-full)" 'BEGIN { printf "%.1f%%", 100 * s / f }'); by server CPU per request (floor/service) $(awk -v s="$(cpu_per_request service-full)" -v f="$(cpu_per_request floor-full)" 'BEGIN { printf "%.1f%%", 100 * f / s }')"
say "results: $OUT"

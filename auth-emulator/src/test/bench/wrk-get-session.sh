#!/usr/bin/env bash
# Authenticated GET /session.json on auth-emulator.jar against a bare Vert.x handler (bench.CeilingServer), both driven
# by wrk from outside the JVM, interleaved, ROUNDS rounds; prints each round's throughput ratio and the median, and the
# event-loop CPU time per request (from /proc: less sensitive to a busy shared machine than throughput) and its ratio.
# Run from the repository root after: ./mvnw -pl auth-emulator package -DskipTests   (and apt-get install wrk)
# Usage: auth-emulator/src/test/bench/wrk-get-session.sh [rounds=5] [seconds=10] [connections=64] [threads=2]
# OTHER_JAR=/path/to/another/auth-emulator.jar adds a second emulator (an earlier build, say) to the same rounds;
# WARMUP=15 seconds of wrk per server before the rounds (the JIT needs longer on a busy machine).
set -euo pipefail
ROUNDS=${1:-5}; DURATION=${2:-10}; CONNECTIONS=${3:-64}; THREADS=${4:-2}; WARMUP=${WARMUP:-15}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

await_url() {
    for _ in $(seq 150); do grep -q "listening on" "$1" && break; sleep 0.2; done
    grep -o 'http://[^ ]*' "$1" | head -1
}
token_for() {
    python3 - "$1" <<'PY'
import hashlib, hmac, json, sys, time, urllib.request
params = "application_id=12345&auth_key=AbCdEfGh12345-x&nonce=%d&timestamp=%d" % (time.time_ns() % 10**9, time.time())
signature = hmac.new(b"SecReT_987-zyx", params.encode(), hashlib.sha1).hexdigest()
request = urllib.request.Request(sys.argv[1] + "/session.json", data=(params + "&signature=" + signature).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
print(json.load(urllib.request.urlopen(request))["session"]["token"])
PY
}
rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
# CPU of the event-loop threads only (not the JIT compiler or GC threads, which a busy machine slows down unevenly)
cpu_ticks() {
    local total=0 task
    for task in /proc/"$1"/task/*; do
        if grep -q '^vert.x-eventloo' "$task/comm" 2>/dev/null; then
            total=$((total + $(awk '{print $14 + $15}' "$task/stat")))
        fi
    done
    echo "$total"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# measure PID DURATION wrk-args...: prints "req/s cpu-us-per-request"
measure() {
    local pid=$1 before after out
    before=$(cpu_ticks "$pid")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s "${@:3}")
    after=$(cpu_ticks "$pid")
    echo "$out" | awk -v ticks=$((after - before)) -v tick_us="$TICK_US" \
        '/requests in/ {n=$1} /Requests\/sec/ {r=$2} END {printf "%s %.2f\n", r, ticks * tick_us / n}'
}

CP_FILE="$WORK/cp.txt"
./mvnw -B -ntp -q -o -pl auth-emulator dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
    -Dmdep.includeScope=test >/dev/null
"$JAVA" -jar auth-emulator/target/auth-emulator.jar --port 0 >"$WORK/emu.out" 2>"$WORK/emu.err" & EMU_PID=$!
PIDS+=("$EMU_PID")
"$JAVA" -cp "auth-emulator/target/test-classes:$(cat "$CP_FILE")" io.qbauth.emulator.bench.CeilingServer \
    >"$WORK/ceil.out" 2>&1 & CEIL_PID=$!
PIDS+=("$CEIL_PID")
if [ -n "${OTHER_JAR:-}" ]; then
    "$JAVA" -jar "$OTHER_JAR" --port 0 >"$WORK/other.out" 2>"$WORK/other.err" & OTHER_PID=$!
    PIDS+=("$OTHER_PID")
    OTHER=$(await_url "$WORK/other.out"); OTHER_TOKEN=$(token_for "$OTHER")
fi
EMU=$(await_url "$WORK/emu.out"); CEIL=$(await_url "$WORK/ceil.out"); TOKEN=$(token_for "$EMU")

echo "emulator $EMU, ceiling $CEIL${OTHER_JAR:+, other ($OTHER_JAR) $OTHER}; $CONNECTIONS connections," \
     "$THREADS wrk threads, ${DURATION}s per measurement; load: $(cut -d' ' -f1-3 /proc/loadavg)"
rps "$WARMUP" "$CEIL/ceiling" >/dev/null; rps "$WARMUP" -H "QB-Token: $TOKEN" "$EMU/session.json" >/dev/null
if [ -n "${OTHER_JAR:-}" ]; then rps "$WARMUP" -H "QB-Token: $OTHER_TOKEN" "$OTHER/session.json" >/dev/null; fi

RATIOS=(); CPU_RATIOS=(); OTHER_RATIOS=(); OTHER_CPU_RATIOS=()
for round in $(seq "$ROUNDS"); do
    read -r C CC < <(measure "$CEIL_PID" "$DURATION" "$CEIL/ceiling")
    read -r E EC < <(measure "$EMU_PID" "$DURATION" -H "QB-Token: $TOKEN" "$EMU/session.json")
    R=$(python3 -c "print(f'{$E/$C:.3f}')"); RC=$(python3 -c "print(f'{$CC/$EC:.3f}')")
    RATIOS+=("$R"); CPU_RATIOS+=("$RC")
    LINE="emulator $E req/s $EC us/req, ceiling $C req/s $CC us/req: ratio $R, cpu ratio $RC"
    if [ -n "${OTHER_JAR:-}" ]; then
        read -r O OC < <(measure "$OTHER_PID" "$DURATION" -H "QB-Token: $OTHER_TOKEN" "$OTHER/session.json")
        OR=$(python3 -c "print(f'{$O/$C:.3f}')"); ORC=$(python3 -c "print(f'{$CC/$OC:.3f}')")
        OTHER_RATIOS+=("$OR"); OTHER_CPU_RATIOS+=("$ORC")
        LINE="$LINE; other $O req/s $OC us/req: ratio $OR, cpu ratio $ORC"
    fi
    echo "round $round: $LINE"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median emulator/ceiling: throughput ratio $(median "${RATIOS[@]}"), cpu-per-request ratio (ceiling/emulator)" \
     "$(median "${CPU_RATIOS[@]}")"
if [ -n "${OTHER_JAR:-}" ]; then
    echo "median other/ceiling: throughput ratio $(median "${OTHER_RATIOS[@]}"), cpu ratio $(median "${OTHER_CPU_RATIOS[@]}")"
fi
curl -s "$EMU/session.json" -H "QB-Token: $TOKEN" -o /dev/null -w "check: GET /session.json -> %{http_code}\n"

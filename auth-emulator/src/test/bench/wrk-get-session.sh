#!/usr/bin/env bash
# Authenticated GET /session.json on auth-emulator.jar against a bare Vert.x handler (bench.CeilingServer), both driven
# by wrk from outside the JVM, interleaved, ROUNDS rounds; prints each round's ratio and the median.
# Run from the repository root after: ./mvnw -pl auth-emulator package -DskipTests   (and apt-get install wrk)
# Usage: auth-emulator/src/test/bench/wrk-get-session.sh [rounds=5] [seconds=10] [connections=64] [threads=2]
set -euo pipefail
ROUNDS=${1:-5}; DURATION=${2:-10}; CONNECTIONS=${3:-64}; THREADS=${4:-2}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
trap 'kill $EMU_PID $CEIL_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

CP_FILE="$WORK/cp.txt"
./mvnw -B -ntp -q -o -pl auth-emulator dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
    -Dmdep.includeScope=test >/dev/null
"$JAVA" -jar auth-emulator/target/auth-emulator.jar --port 0 >"$WORK/emu.out" 2>"$WORK/emu.err" & EMU_PID=$!
"$JAVA" -cp "auth-emulator/target/test-classes:$(cat "$CP_FILE")" io.qbauth.emulator.bench.CeilingServer \
    >"$WORK/ceil.out" 2>&1 & CEIL_PID=$!
for f in emu.out ceil.out; do
    for _ in $(seq 100); do grep -q "listening on" "$WORK/$f" && break; sleep 0.2; done
done
EMU=$(grep -o 'http://[^ ]*' "$WORK/emu.out" | head -1); CEIL=$(grep -o 'http://[^ ]*' "$WORK/ceil.out" | head -1)

TOKEN=$(python3 - "$EMU" <<'PY'
import hashlib, hmac, json, sys, time, urllib.request
params = "application_id=12345&auth_key=AbCdEfGh12345-x&nonce=%d&timestamp=%d" % (time.time_ns() % 10**9, time.time())
signature = hmac.new(b"SecReT_987-zyx", params.encode(), hashlib.sha1).hexdigest()
request = urllib.request.Request(sys.argv[1] + "/session.json", data=(params + "&signature=" + signature).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
print(json.load(urllib.request.urlopen(request))["session"]["token"])
PY
)
rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
echo "emulator $EMU, ceiling $CEIL, $CONNECTIONS connections, $THREADS wrk threads, ${DURATION}s per measurement"
rps 5 "$CEIL/ceiling" >/dev/null; rps 5 -H "QB-Token: $TOKEN" "$EMU/session.json" >/dev/null   # warm-up
RATIOS=()
for round in $(seq "$ROUNDS"); do
    C=$(rps "$DURATION" "$CEIL/ceiling"); E=$(rps "$DURATION" -H "QB-Token: $TOKEN" "$EMU/session.json")
    R=$(python3 -c "print(f'{$E/$C:.3f}')"); RATIOS+=("$R")
    echo "round $round: emulator $E req/s, ceiling $C req/s, ratio $R"
done
printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{a[NR]=$1} END {print "median ratio " a[int((NR+1)/2)]}'
curl -s "$EMU/session.json" -H "QB-Token: $TOKEN" -o /dev/null -w "check: GET /session.json -> %{http_code}\n"

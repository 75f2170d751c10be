#!/usr/bin/env bash
# Runs the production jar with the arm64 Java runtime of jre-tree.sh under qemu-user (each arm64
# instruction emulated on this machine's CPU), waits until /login answers 200, prints how long that
# took in wall-clock and CPU seconds, and stops the application again. Slow: expect 10-30 minutes.
#
#   deploy/arm64/run-login.sh JAR [DIR] [PORT] [TIMEOUT_SECONDS]
#   defaults: DIR=/work/pi-arm64, PORT=18092, TIMEOUT_SECONDS=2400
#
# The application's own settings come from the environment as usual (NEXO_DB_PORT, NEXO_DB_NAME,
# NEXO_SESSIONS_STORE, ...); a database that is already migrated and seeded spares the emulated JVM
# the longest part of a first start. NEXO_ARM64_JAVA_OPTS: JVM flags (default: the Pi's heap and
# compiler settings; -XX:+UseCompactObjectHeaders only exists from JDK 24 on).
set -euo pipefail

jar=${1:?usage: run-login.sh JAR [DIR] [PORT] [TIMEOUT_SECONDS]}
dir=${2:-/work/pi-arm64}
port=${3:-18092}
limit=${4:-2400}
root=$dir/root
qemu=${QEMU:-$(command -v qemu-aarch64-static || command -v qemu-aarch64)}
java=$(find "$root"/usr/lib/jvm -path '*/bin/java' -type f | head -1)
read -r -a flags <<< "${NEXO_ARM64_JAVA_OPTS:--XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}"

if ss -ltn "sport = :$port" | grep -q LISTEN; then
    echo "port $port is taken by another process: choose another one" >&2; exit 2
fi
log=$dir/app-$port.log
start=$(date +%s)
# -L: the arm64 program's dynamic loader and libraries are looked up inside the tree first.
PORT=$port MALLOC_ARENA_MAX=2 "$qemu" -L "$root" "$java" "${flags[@]}" -jar "$jar" > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "started pid $pid ($qemu $java), log $log"

ticks=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
    now=$(date +%s)
    if [ $((now - start)) -gt "$limit" ]; then
        echo "no answer within $limit s; last log lines:"; tail -5 "$log"; exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "http://127.0.0.1:$port/login" || true)
    # Only an answer after our own Tomcat reported its port counts (another program may take the
    # port while ours is still starting).
    if [ "$code" = 200 ] && grep -q "Tomcat started on port $port" "$log"; then
        read -r user system < <(awk '{print $14, $15}' "/proc/$pid/stat")
        rss=$(awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$pid/status")
        echo "arm64: /login answered 200 after $((now - start)) s wall-clock," \
            "$(((user + system) / ticks)) CPU-seconds (emulated), RSS ${rss} MiB (qemu included)," \
            "load average $(cut -d' ' -f1-3 /proc/loadavg)"
        grep -m1 'Starting NexoApplication' "$log" || true
        grep -m1 'Started NexoApplication' "$log" || true
        exit 0
    fi
    sleep 10
done
echo "the application stopped; last log lines:"; tail -20 "$log"; exit 1

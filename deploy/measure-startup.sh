#!/usr/bin/env bash
# Measures the start-up and the memory of the production jar: starts it N times against its own
# database and port, and prints per start
#   login_s   wall time from launching java to the first HTTP 200 of /login
#   cpu_s     CPU-seconds (user + system) the process had used at that moment
#   ready_s   wall time to readiness (/actuator/health/readiness UP: Spring's ApplicationReadyEvent,
#             after the start-up runners: operator, roles, demo data)
#   cpu_rdy   CPU-seconds at readiness
#   rss_rdy   resident memory (MiB) at readiness
#   rss_ses   resident memory (MiB) after N sessions logged in through the form login and opened /
#             (in parentheses: how many logins succeeded)
#   anon_ses  the anonymous part of rss_ses: without the pages of mapped files (jars, AOT cache)
#
# Usage (from the repository root, after `./mvnw -B -Pproduction -DskipTests package`):
#   deploy/measure-startup.sh                       # 3 second starts of the fat jar, default JVM
#   deploy/measure-startup.sh --first               # 3 first starts: drop, create, migrate, seed
#   deploy/measure-startup.sh --aot target/aot/nexo.aot   # extracted jar with the AOT cache
#   deploy/measure-startup.sh --pi                  # with deploy/pi-java-opts (Raspberry Pi settings)
#   deploy/measure-startup.sh --java-opts '-Xmx512m' --runs 5 --sessions 50
# Options:
#   --jar FILE        the production jar (default target/nexo-0.1.0-SNAPSHOT.jar)
#   --runs N          starts to measure (default 3)
#   --first           drop the database before each start, with the bootstrap on (create roles and
#                     database, migrate, seed). Default: second starts, database kept, bootstrap off
#                     (as production runs); a missing database is made by one unmeasured first start.
#   --extracted       run the extracted jar (plain jars on the class path) instead of the fat jar
#   --aot FILE        run with -XX:AOTCache=FILE the extracted jar it was trained with (nexo.jar
#                     beside it, as deploy/aot-cache.sh leaves them: target/aot/app/nexo.aot)
#   --pi              add the JVM options and settings of deploy/pi-java-opts
#   --java-opts '...' further JVM options
#   --sessions N      sessions to log in before reading rss_ses (default 20; 0 skips)
#   --store S         session store: redis (default) or memory
#   --db NAME / --port N   database and HTTP port (default nexo_startup / 18737)
#   --user E / --password P   the account that logs in (default admin@demo.nexo / Demo-2026!)
#   --keep-db         leave the database in place at the end (default: kept; --drop-db drops it)
# Logs of each start: target/startup/run-N.log. The machine should be otherwise quiet: wall times
# follow the load, CPU-seconds much less so (the load average is printed with the table).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=target/nexo-0.1.0-SNAPSHOT.jar
RUNS=3
FIRST=false
EXTRACTED=false
AOT=""
PI=false
EXTRA_OPTS=""
SESSIONS=20
STORE=redis
DB=nexo_startup
PORT_=18737
USER_=admin@demo.nexo
PASS_='Demo-2026!'
DROP_AT_END=false
PGHOST_=${PGHOST:-127.0.0.1}
PGUSER_=${PGUSER:-postgres}

while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --first) FIRST=true ;;
        --extracted) EXTRACTED=true ;;
        --aot) AOT=$2; EXTRACTED=true; shift ;;
        --pi) PI=true ;;
        --java-opts) EXTRA_OPTS="$EXTRA_OPTS $2"; shift ;;
        --sessions) SESSIONS=$2; shift ;;
        --store) STORE=$2; shift ;;
        --db) DB=$2; shift ;;
        --port) PORT_=$2; shift ;;
        --user) USER_=$2; shift ;;
        --password) PASS_=$2; shift ;;
        --keep-db) DROP_AT_END=false ;;
        --drop-db) DROP_AT_END=true ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
        *) echo "unknown option $1 (--help lists them)" >&2; exit 2 ;;
    esac
    shift
done

if [ -z "${JAVA_HOME-}" ] && [ -f .mvn/find-jdk.sh ]; then
    # shellcheck source=/dev/null
    . .mvn/find-jdk.sh
    nexo_find_jdk
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$JAR" ] || { echo "no jar at $JAR: build it with ./mvnw -B -Pproduction -DskipTests package" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

WORK=target/startup
mkdir -p "$WORK"
CLK_TCK=$(getconf CLK_TCK)

# The JVM options and application settings of the Raspberry Pi file (shared with nexo-start.sh).
# Its other lines (MALLOC_ARENA_MAX, pool and thread sizes) are exported to the application.
PI_OPTS=""
PI_ENV=""
if [ "$PI" = true ]; then
    set -a
    # shellcheck source=/dev/null
    . deploy/pi-java-opts
    set +a
    PI_OPTS=$NEXO_PI_JAVA_OPTS
    PI_ENV=$(grep -E '^[A-Z_]+=' deploy/pi-java-opts | grep -v '^NEXO_PI_JAVA_OPTS=' | cut -d= -f1 | tr '\n' ' ')
fi

LAUNCH=(-jar "$JAR")
if [ -n "$AOT" ] && [ -f "$(dirname "$AOT")/nexo.jar" ]; then
    # The cache is valid only with the class path it was trained with: the jar extracted beside it.
    LAUNCH=(-jar "$(dirname "$AOT")/nexo.jar")
elif [ "$EXTRACTED" = true ]; then
    APP_DIR=$WORK/app
    # Extract again only when the jar is newer than the last extraction.
    if [ ! -f "$APP_DIR/nexo.jar" ] || [ "$JAR" -nt "$APP_DIR/nexo.jar" ]; then
        rm -rf "$APP_DIR"
        "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
        mv "$APP_DIR/$(basename "$JAR")" "$APP_DIR/nexo.jar"
    fi
    LAUNCH=(-jar "$APP_DIR/nexo.jar")
fi
AOT_OPTS=""
if [ -n "$AOT" ]; then
    [ -f "$AOT" ] || { echo "no AOT cache at $AOT (deploy/aot-cache.sh makes one)" >&2; exit 2; }
    AOT_OPTS="-XX:AOTCache=$AOT"
fi

psql_admin() { psql -h "$PGHOST_" -U "$PGUSER_" -d postgres -tAq "$@"; }
db_exists() { [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ]; }
drop_db() { dropdb -h "$PGHOST_" -U "$PGUSER_" --if-exists --force "$DB"; }

now() { date +%s.%N; }
cpu_seconds() {
    # utime and stime are fields 14 and 15 of /proc/PID/stat; the command name (field 2) is in
    # parentheses and could hold spaces, so count from after its closing one.
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo "-"; return; }
    stat=${stat##*) }
    awk -v tck="$CLK_TCK" '{ printf "%.1f", ($12 + $13) / tck }' <<<"$stat"
}
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }
# The part of it that is the process's own memory, not pages of mapped files (the jars, the AOT
# cache), which the kernel can drop and read again under memory pressure.
anon_mib() { awk '/^RssAnon:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }
code_of() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

BASE=http://127.0.0.1:$PORT_
PID=""
stop_app() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID"
        for _ in $(seq 1 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$PID" 2>/dev/null && kill -KILL "$PID"
        wait "$PID" 2>/dev/null || true
    fi
    PID=""
}
trap stop_app EXIT

# Logs one session in through the form (the CSRF token from the login page's meta tags, as
# Vaadin's login form sends it) and opens the start page, so that the session holds a UI.
login_once() {
    local jar=$1 page param token
    page=$(curl -s -m 30 -c "$jar" -b "$jar" "$BASE/login")
    param=$(sed -n 's/.*<meta name="_csrf_parameter" content="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    token=$(sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    [ -n "$param" ] && [ -n "$token" ] || return 1
    local location
    location=$(curl -s -m 30 -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode "username=$USER_" --data-urlencode "password=$PASS_" \
        --data-urlencode "$param=$token" "$BASE/login")
    case "$location" in *error*|"") return 1 ;; esac
    [ "$(curl -s -m 60 -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$BASE/")" = 200 ]
}

# One start. $1: run label, $2: true for a first start. Prints a table row.
measure() {
    local label=$1 first=$2 log=$WORK/run-$1.log bootstrap=false
    if [ "$first" = true ]; then
        drop_db
        bootstrap=true
    fi
    local t0 t_login="" c_login="-" t_ready="" c_ready="-" r_ready="-" r_sessions="-" a_sessions="-" ok=0
    t0=$(now)
    # shellcheck disable=SC2086 # the option strings are lists of words
    env PORT="$PORT_" NEXO_DB_NAME="$DB" NEXO_DB_BOOTSTRAP_ENABLED="$bootstrap" \
        NEXO_SESSIONS_STORE="$STORE" NEXO_SESSIONS_KEY_PREFIX="nexo:measure-startup:$DB" \
        "$JAVA" $PI_OPTS $AOT_OPTS $EXTRA_OPTS "${LAUNCH[@]}" >"$log" 2>&1 &
    PID=$!
    while kill -0 "$PID" 2>/dev/null; do
        if [ -z "$t_login" ] && [ "$(code_of "$BASE/login")" = 200 ]; then
            c_login=$(cpu_seconds "$PID")
            t_login=$(now)
        fi
        if [ -n "$t_login" ] && [ "$(code_of "$BASE/actuator/health/readiness")" = 200 ]; then
            c_ready=$(cpu_seconds "$PID")
            t_ready=$(now)
            r_ready=$(rss_mib "$PID")
            break
        fi
        if awk -v t0="$t0" -v t="$(now)" 'BEGIN { exit !(t - t0 > 600) }'; then break; fi
        sleep 0.1
    done
    if [ -z "$t_ready" ]; then
        echo "start $label did not become ready; see $log" >&2
        stop_app
        return 1
    fi
    if [ "$SESSIONS" -gt 0 ]; then
        local jars=$WORK/cookies
        rm -rf "$jars"; mkdir -p "$jars"
        for i in $(seq 1 "$SESSIONS"); do
            if login_once "$jars/$i.txt"; then ok=$((ok + 1)); fi
        done
        sleep 2
        r_sessions="$(rss_mib "$PID") ($ok)"
        a_sessions=$(anon_mib "$PID")
    fi
    stop_app
    printf '%-6s %-6s %8.1f %6s %8.1f %7s %7s %12s %8s\n' "$label" "$([ "$first" = true ] && echo first || echo second)" \
        "$(awk -v a="$t0" -v b="$t_login" 'BEGIN { print b - a }')" "$c_login" \
        "$(awk -v a="$t0" -v b="$t_ready" 'BEGIN { print b - a }')" "$c_ready" "$r_ready" "$r_sessions" "$a_sessions"
}

if [ -n "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$BASE/" 2>/dev/null | grep -v '^000$')" ]; then
    echo "port $PORT_ is taken by another process: choose another with --port" >&2
    exit 2
fi
echo "start: java ... ${LAUNCH[*]}${AOT:+, AOT cache $AOT}"
echo "JVM options: ${PI_OPTS:+$PI_OPTS }$EXTRA_OPTS${PI_ENV:+; from deploy/pi-java-opts also $PI_ENV}"
echo "database $DB, port $PORT_, session store $STORE, $("$JAVA" -version 2>&1 | head -n 1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
if [ "$FIRST" = false ] && ! db_exists; then
    echo "(database $DB missing: one unmeasured first start makes it)"
    SESSIONS_SAVED=$SESSIONS; SESSIONS=0
    measure prep true >/dev/null
    SESSIONS=$SESSIONS_SAVED
fi
printf '%-6s %-6s %8s %6s %8s %7s %7s %12s %8s\n' run start login_s cpu_s ready_s cpu_rdy rss_rdy 'rss_ses (ok)' anon_ses
for run in $(seq 1 "$RUNS"); do
    measure "$run" "$FIRST"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$DROP_AT_END" = true ]; then drop_db; fi

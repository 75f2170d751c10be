#!/usr/bin/env bash
# Builds a JDK 25 ahead-of-time cache for NEXO (JEP 483, 514, 515: classes loaded and linked, and
# method profiles, from a training run), which later starts use with -XX:AOTCache=FILE.
#
# The training run starts the application with -XX:AOTCacheOutput=FILE, waits until it is ready,
# opens the login page and (with an account, see below) logs in and opens a few pages, then stops it
# with SIGTERM; on its way out the JVM writes the cache. The cache holds only classes loaded from
# plain jars on the class path, not from the fat jar's nested jars, so the application must run from
# the extracted layout (`java -Djarmode=tools -jar nexo.jar extract`), and it must later run with the
# same JDK, the same class path and compatible JVM options (the same collector family and object
# header size, e.g. -XX:+UseCompactObjectHeaders on in both or in neither): otherwise the JVM says
# so in one line and starts without the cache.
#
# Two ways to call it:
#   deploy/aot-cache.sh --jar target/nexo-0.1.0-SNAPSHOT.jar [--dir target/aot]
#       (the production build, ./mvnw -Pproduction package): extracts the jar into DIR/app and
#       writes DIR/app/nexo.aot, training against its own database nexo_aot_training (created by the
#       bootstrap, as user postgres; dropped again if dropdb is at hand) on port 18731 with the demo
#       data and the demo administrator. Without a PostgreSQL answering at NEXO_DB_HOST:NEXO_DB_PORT
#       (default localhost:5432) it says so and skips, exit status 0.
#   deploy/aot-cache.sh --app /app/nexo.jar --output /app/aot/nexo.aot
#       (deploy/nexo-start.sh in the container): trains the already extracted jar against the
#       database the environment configures, as the application would start.
# Options: --java-opts '...' (JVM options for the training run: use those of the later starts),
#   --user E --password P (an account to log in with during training; in --jar mode the demo
#   administrator), --timeout S (default 600).
# Exit status: 0 with the cache written (or skipped for want of PostgreSQL), 1 when training failed.
set -uo pipefail

JAR=""
DIR=""
APP=""
OUTPUT=""
JAVA_OPTS_=""
LOGIN_USER=""
LOGIN_PASSWORD=""
TIMEOUT=600
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR=$2; shift ;;
        --dir) DIR=$2; shift ;;
        --app) APP=$2; shift ;;
        --output) OUTPUT=$2; shift ;;
        --java-opts) JAVA_OPTS_="$JAVA_OPTS_ $2"; shift ;;
        --user) LOGIN_USER=$2; shift ;;
        --password) LOGIN_PASSWORD=$2; shift ;;
        --timeout) TIMEOUT=$2; shift ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d'; exit 0 ;;
        *) echo "aot-cache: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

say() { echo "aot-cache: $*"; }

if [ -z "${JAVA_HOME-}" ] && [ -f "$(dirname "$0")/../.mvn/find-jdk.sh" ]; then
    # shellcheck source=/dev/null
    . "$(dirname "$0")/../.mvn/find-jdk.sh"
    nexo_find_jdk
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

BUILD=false
if [ -n "$JAR" ]; then
    BUILD=true
    DIR=${DIR:-$(dirname "$JAR")/aot}
    [ -f "$JAR" ] || { say "no jar at $JAR"; exit 1; }
    # The training database, port and account of a build (the environment may override them).
    export NEXO_DB_NAME=${NEXO_AOT_DB_NAME:-nexo_aot_training}
    export NEXO_DB_BOOTSTRAP_ENABLED=true
    export NEXO_DEMO_ENABLED=true
    export PORT=${NEXO_AOT_PORT:-18731}
    export NEXO_SESSIONS_KEY_PREFIX=nexo:aot-training
    LOGIN_USER=${LOGIN_USER:-admin@demo.nexo}
    LOGIN_PASSWORD=${LOGIN_PASSWORD:-${NEXO_DEMO_PASSWORD:-Demo-2026!}}
elif [ -z "$APP" ] || [ -z "$OUTPUT" ]; then
    say "give --jar FILE, or --app FILE and --output FILE (--help)"
    exit 2
fi

# -XX:AOTCacheOutput came with JDK 25.
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
if [ "${JAVA_MAJOR:-0}" -lt 25 ]; then
    say "$JAVA is Java ${JAVA_MAJOR:-unknown}: the AOT cache needs JDK 25 or newer; skipping it"
    [ "$BUILD" = true ] && exit 0
    exit 1
fi

# PostgreSQL must answer, or there is nothing to train against.
DB_HOST=${NEXO_DB_HOST:-localhost}
DB_PORT=${NEXO_DB_PORT:-5432}
if ! timeout 5 bash -c "exec 3<>/dev/tcp/$DB_HOST/$DB_PORT" 2>/dev/null; then
    if [ "$BUILD" = true ]; then
        say "no PostgreSQL answers at $DB_HOST:$DB_PORT: skipping the AOT cache (the jar works without it;"
        say "start PostgreSQL and build again, or set -Dnexo.aot.skip=true to silence this)"
        exit 0
    fi
    say "no PostgreSQL answers at $DB_HOST:$DB_PORT: no training run"
    exit 1
fi

if [ "$BUILD" = true ]; then
    APP_DIR=$DIR/app
    rm -rf "$APP_DIR"
    mkdir -p "$DIR"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null || exit 1
    mv "$APP_DIR/$(basename "$JAR")" "$APP_DIR/nexo.jar"
    APP=$APP_DIR/nexo.jar
    OUTPUT=$APP_DIR/nexo.aot
fi
PORT_=${PORT:-8080}
LOG=${OUTPUT%.aot}-training.log
rm -f "$OUTPUT"

# HTTP without curl (the JRE image need not have it): a GET on bash's /dev/tcp, printing the status.
status_of() {
    timeout 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT_ || exit 1
        printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' '$1' >&3
        head -n 1 <&3 | cut -d' ' -f2" 2>/dev/null
}

# With curl and an account: log in through the form (CSRF token from the page's meta tags) and open
# pages, so that the views' and the data layer's classes are in the cache too.
log_in_and_browse() {
    local jar page param token
    jar=$(mktemp)
    page=$(curl -s -m 60 -c "$jar" -b "$jar" "http://127.0.0.1:$PORT_/login")
    param=$(sed -n 's/.*<meta name="_csrf_parameter" content="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    token=$(sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    curl -s -m 60 -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$LOGIN_USER" \
        --data-urlencode "password=$LOGIN_PASSWORD" --data-urlencode "$param=$token" \
        "http://127.0.0.1:$PORT_/login"
    for path in / /accounts /articles /stock /sales/invoices /admin/users; do
        curl -s -m 60 -c "$jar" -b "$jar" -o /dev/null "http://127.0.0.1:$PORT_$path"
    done
    rm -f "$jar"
}

if [ -n "$(status_of /)" ]; then
    say "port $PORT_ is taken by another process: set PORT (or NEXO_AOT_PORT for a build)"
    exit 1
fi
say "training run of $APP (log $LOG)"
# shellcheck disable=SC2086 # the options are a list of words
"$JAVA" -XX:AOTCacheOutput="$OUTPUT" $JAVA_OPTS_ -jar "$APP" >"$LOG" 2>&1 &
PID=$!
# Stopped from outside (docker stop): stop the application too. Spring finishes starting first, and
# the JVM still writes its cache on the way out; it is thrown away below, since training was cut short.
STOPPED=false
trap 'STOPPED=true; kill -TERM $PID 2>/dev/null' INT TERM
deadline=$((SECONDS + TIMEOUT))
ready=false
while [ "$STOPPED" = false ] && kill -0 "$PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    if [ "$(status_of /actuator/health/readiness)" = 200 ]; then
        ready=true
        break
    fi
    sleep 1
done
if [ "$ready" = true ]; then
    status_of /login >/dev/null
    if [ -n "$LOGIN_USER" ] && command -v curl >/dev/null; then
        log_in_and_browse
    fi
    kill -TERM "$PID"
elif [ "$STOPPED" = true ]; then
    say "stopped before the application was ready"
else
    say "the application did not become ready within ${TIMEOUT}s; see $LOG"
    kill -TERM "$PID" 2>/dev/null
fi
# On exit the JVM writes the cache (a child JVM assembles it): this takes a while on a slow machine.
# (A signal ends `wait` early: wait again until the JVM is gone.)
while kill -0 "$PID" 2>/dev/null; do wait "$PID"; done
if [ "$BUILD" = true ] && command -v dropdb >/dev/null; then
    dropdb -h "$DB_HOST" -p "$DB_PORT" -U "${NEXO_DB_BOOTSTRAP_ADMIN_USER:-postgres}" --if-exists --force \
        "$NEXO_DB_NAME" 2>/dev/null || true
fi
if [ "$ready" = true ] && [ "$STOPPED" = false ] && [ -s "$OUTPUT" ]; then
    say "wrote $OUTPUT ($(du -m "$OUTPUT" | cut -f1) MiB); start with: java -XX:AOTCache=$OUTPUT -jar $APP"
    exit 0
fi
rm -f "$OUTPUT"
say "no cache written; see $LOG"
exit 1

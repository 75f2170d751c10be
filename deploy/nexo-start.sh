#!/usr/bin/env bash
# The container's entrypoint: starts NEXO from the extracted jar (/app/nexo.jar, its lib/ beside it)
# with the JDK's ahead-of-time cache (JDK 25, see deploy/aot-cache.sh).
#
# The image cannot train the cache when it is built (training starts the application, and that needs
# the database), so the container's first start trains it: a training start against the configured
# database (it migrates it if needed) that stops once ready, then the real start with the cache.
# Later starts use the cache at once: on this project's 2-core machine the first answer of /login came
# about twice as fast. The cache is trained again when the image (the jars), the JDK or the JVM
# options change, since the JVM would not use it then.
#
# Environment:
#   NEXO_AOT            on (default) or off: off starts without cache and without training
#   NEXO_AOT_DIR        where the cache lives (default /app/aot; a volume keeps it across containers)
#   NEXO_PI_JAVA_OPTS   JVM options added to the command line (deploy/pi-java-opts sets them for a
#                       Raspberry Pi); JAVA_TOOL_OPTIONS reaches the JVM as usual
#   NEXO_APP_JAR        the extracted application jar (default: nexo.jar beside this script)
# The training start uses the same options, so that the cache fits them.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
APP=${NEXO_APP_JAR:-$HERE/nexo.jar}
AOT_DIR=${NEXO_AOT_DIR:-$HERE/aot}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# shellcheck disable=SC2206 # the options are a list of words
OPTS=(${NEXO_PI_JAVA_OPTS:-})

say() { echo "nexo-start: $*"; }

run() {
    say "java ${OPTS[*]} $* -jar $APP"
    exec "$JAVA" "${OPTS[@]}" "$@" -jar "$APP"
}

case "${NEXO_AOT:-on}" in
    off|false|no|0) run ;;
esac

CACHE=$AOT_DIR/nexo.aot
KEY_FILE=$AOT_DIR/nexo.aot.key
# What the cache depends on: the jars, the JDK and the JVM options.
key() {
    {
        cksum "$APP"
        ls -l --time-style=+%s "$(dirname "$APP")/lib"
        "$JAVA" -version 2>&1
        echo "${OPTS[*]}"
        echo "${JAVA_TOOL_OPTIONS:-}"
    } | cksum | cut -d' ' -f1
}
KEY=$(key)

if [ -s "$CACHE" ] && [ "$(cat "$KEY_FILE" 2>/dev/null)" = "$KEY" ]; then
    run -XX:AOTCache="$CACHE"
fi

if ! mkdir -p "$AOT_DIR" 2>/dev/null || [ ! -w "$AOT_DIR" ]; then
    say "cannot write $AOT_DIR: starting without the AOT cache"
    run
fi
say "no AOT cache for this image and these options yet: a training start comes first (once)"
rm -f "$CACHE" "$KEY_FILE"
# Written under a temporary name and renamed, so that a container stopped during training leaves no
# half-written cache behind.
TRAINING=$AOT_DIR/training-$$.aot
# As the container's first process, this shell would ignore `docker stop`'s SIGTERM: pass it on to the
# training, and stop.
bash "$HERE/aot-cache.sh" --app "$APP" --output "$TRAINING" --java-opts "${OPTS[*]}" &
TRAINER=$!
trap 'kill -TERM $TRAINER 2>/dev/null; wait $TRAINER; rm -f "$TRAINING" "$TRAINING.config"; exit 143' TERM INT
wait $TRAINER
TRAINED=$?
trap - TERM INT
if [ $TRAINED = 0 ]; then
    mv "$TRAINING" "$CACHE"
    echo "$KEY" >"$KEY_FILE"
    rm -f "${TRAINING%.aot}-training.log" "$TRAINING.config"
    run -XX:AOTCache="$CACHE"
fi
rm -f "$TRAINING" "$TRAINING.config"
say "training failed (its log: ${TRAINING%.aot}-training.log): starting without the AOT cache"
run

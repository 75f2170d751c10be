#!/usr/bin/env bash
# A throw-away PostgreSQL cluster with the Raspberry Pi settings of docker-compose.pi.yml (read from
# that file's "-c name=value" lines, so the two cannot drift apart), and the memory its processes use.
#
#   deploy/pi/pg-memory.sh start   [DIR] [PORT]   initdb into DIR (as user postgres), start on 127.0.0.1:PORT
#   deploy/pi/pg-memory.sh measure [DIR]          RSS and PSS summed over the postmaster and its children
#   deploy/pi/pg-memory.sh process PID...         the same sums for other processes (redis-server, java)
#   deploy/pi/pg-memory.sh stop    [DIR]          stop the cluster and delete DIR
#   defaults: DIR=/tmp/nexo-pi-pg, PORT=55432; PG_BIN (default /usr/lib/postgresql/15/bin)
#
# RSS counts every shared page once per process, so its sum overstates PostgreSQL's shared_buffers
# many times; PSS divides each shared page among the processes that map it, so its sum is the memory
# the cluster really takes. Both come from /proc/PID/smaps_rollup (Linux 4.14 or later).
# Trust authentication on 127.0.0.1 only: a measuring cluster, never a real one.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
compose=${NEXO_PI_COMPOSE:-$here/../../docker-compose.pi.yml}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
shift || true

# "-c shared_buffers=64MB" lines of the postgres service's command, as "--shared_buffers=64MB".
settings() {
    grep -oE '^[[:space:]]+-c [a-z_]+=[^[:space:]]+' "$compose" | sed -E 's/^[[:space:]]+-c /--/'
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

# Prints "processes rss_kib pss_kib private_kib" for the given PIDs.
sum_memory() {
    local processes=0 rss=0 pss=0 private=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/smaps_rollup" ] || continue
        read -r r p c d < <(awk '/^Rss:/{r=$2} /^Pss:/{p=$2} /^Private_Clean:/{c=$2} /^Private_Dirty:/{d=$2}
            END{print r+0, p+0, c+0, d+0}' "/proc/$pid/smaps_rollup")
        processes=$((processes + 1)); rss=$((rss + r)); pss=$((pss + p)); private=$((private + c + d))
    done
    echo "$processes $rss $pss $private"
}

report() {
    local label=$1; shift
    read -r n rss pss private < <(sum_memory "$@")
    printf '%s: %d processes, RSS %d MiB, PSS %d MiB (private %d MiB)\n' \
        "$label" "$n" $((rss / 1024)) $((pss / 1024)) $((private / 1024))
}

case "$cmd" in
start)
    dir=${1:-/tmp/nexo-pi-pg}
    port=${2:-55432}
    mapfile -t options < <(settings)
    [ "${#options[@]}" -gt 0 ] || { echo "no -c settings found in $compose" >&2; exit 1; }
    mkdir -p "$dir"
    chown postgres "$dir"
    as_postgres "$pg_bin"/initdb -D "$dir"/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    printf '%s\n' "${options[@]}" > "$dir"/settings
    as_postgres "$pg_bin"/pg_ctl -D "$dir"/data -l "$dir"/server.log -w start \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir ${options[*]}"
    echo "PostgreSQL on 127.0.0.1:$port with: ${options[*]}"
    ;;
measure)
    dir=${1:-/tmp/nexo-pi-pg}
    postmaster=$(head -1 "$dir"/data/postmaster.pid)
    # The postmaster and every process it forked (backends, checkpointer, walwriter, autovacuum...).
    children=$(awk -v parent="$postmaster" '$4 == parent {print $1}' /proc/[0-9]*/stat 2>/dev/null || true)
    # shellcheck disable=SC2086
    report "PostgreSQL" "$postmaster" $children
    ;;
process)
    report "PIDs $*" "$@"
    ;;
stop)
    dir=${1:-/tmp/nexo-pi-pg}
    as_postgres "$pg_bin"/pg_ctl -D "$dir"/data -m fast -w stop || true
    rm -rf "$dir"
    ;;
*)
    sed -n '2,14p' "$0"
    exit 2
    ;;
esac

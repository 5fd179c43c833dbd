#!/usr/bin/env bash
# A single OpenSearch 2.19 node for development and CI, built from OpenSearch's Maven artifacts.
#
# Why: no Elasticsearch or OpenSearch distribution can be downloaded on the project's machines,
# but Maven Central is reachable, and OpenSearch publishes its server and its modules there.
# This script lays them out as a distribution would (pom.xml beside it), adds what the
# distribution adds to the modules (their descriptors and security policies, kept in
# modules/ beside it) and the configuration (config/), then starts the server's own entry
# point, org.opensearch.bootstrap.OpenSearch, on Java 17.
#
#   opensearch.sh start    start the node unless it already answers; wait until it is ready
#   opensearch.sh stop     stop the node started here (by the pid it wrote)
#   opensearch.sh status   say whether it answers
#
# Environment: OPENSEARCH_PORT (9200), OPENSEARCH_HOME (<repository>/.cache/opensearch, git-ignored:
# the jars, the copied configuration, the data and the logs; /var/tmp/partnerhub-opensearch-*
# when root runs a clone that other users cannot enter), OPENSEARCH_JAVA (/usr/bin/java),
# OPENSEARCH_START_SECONDS (180, how long to wait for the node).
#
# OpenSearch refuses to run as root. Started by root (CI, the project's machines), the node
# runs as the system user OPENSEARCH_USER (partnerhub-search, created on first use), which owns
# the data, logs and configuration directories; the jars stay read-only to it.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION=2.19.6
PORT="${OPENSEARCH_PORT:-9200}"
HOME_DIR="${OPENSEARCH_HOME:-$HERE/../../.cache/opensearch}"
JAVA="${OPENSEARCH_JAVA:-/usr/bin/java}"
WAIT="${OPENSEARCH_START_SECONDS:-180}"
URL="http://127.0.0.1:$PORT"
PID_FILE="$HOME_DIR/opensearch.pid"

RUN_AS="${OPENSEARCH_USER:-partnerhub-search}"

if [[ -z "${OPENSEARCH_HOME:-}" ]] && (( EUID == 0 )) &&
    ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$HERE"; then
    # A clone in a private directory (under /root, say): the node's user could not reach
    # the repository's cache, so the node lives in a world-readable one of its own.
    HOME_DIR="/var/tmp/partnerhub-opensearch-$(printf '%s' "$HERE" | md5sum | cut -c1-8)"
fi
mkdir -p "$HOME_DIR"
HOME_DIR="$(cd "$HOME_DIR" && pwd)"
PID_FILE="$HOME_DIR/run/opensearch.pid"

# The command prefix that runs a program as the node's user (exec: the pid stays the same).
AS_NODE_USER=()
if (( EUID == 0 )); then
    AS_NODE_USER=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups)
fi

health() {
    # The cluster's status (green, yellow, red), or nothing when no node answers.
    curl -s --max-time 2 "$URL/_cluster/health" 2>/dev/null |
        sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' || true
}

layout() {
    # The jars once (again when the pom changes); the module metadata and the configuration
    # at every start, so that an edit in the repository is taken at the next start.
    local stamp="$HOME_DIR/.jars-$VERSION"
    if [[ ! -f "$stamp" || "$HERE/pom.xml" -nt "$stamp" ]]; then
        echo "Laying out OpenSearch $VERSION in $HOME_DIR (Maven)..."
        rm -rf "$HOME_DIR/lib" "$HOME_DIR/modules"
        mvn -q -B -f "$HERE/pom.xml" generate-resources -Dopensearch.home="$HOME_DIR"
        touch "$stamp"
    fi
    for module in "$HERE"/modules/*/; do
        cp "$module"* "$HOME_DIR/modules/$(basename "$module")/"
    done
    mkdir -p "$HOME_DIR/bin" "$HOME_DIR/config" "$HOME_DIR/plugins" "$HOME_DIR/data" "$HOME_DIR/logs" \
        "$HOME_DIR/tmp" "$HOME_DIR/run"
    cp "$HERE"/config/* "$HOME_DIR/config/"
    if (( EUID == 0 )); then
        id -u "$RUN_AS" >/dev/null 2>&1 ||
            useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
        chown -R "$RUN_AS:$RUN_AS" "$HOME_DIR"/{config,data,logs,tmp,run}
        if ! "${AS_NODE_USER[@]}" test -r "$HOME_DIR/lib/opensearch-$VERSION.jar"; then
            echo "The user $RUN_AS cannot read $HOME_DIR (a parent directory is private):" \
                "set OPENSEARCH_HOME to a directory it can reach, e.g. /var/tmp/partnerhub-opensearch" >&2
            return 1
        fi
    fi
}

start() {
    if [[ -n "$(health)" ]]; then
        echo "OpenSearch already answers on $URL"
        return 0
    fi
    layout
    local options
    options="$(grep -v -e '^\s*#' -e '^\s*$' "$HOME_DIR/config/jvm.options" | tr '\n' ' ')"
    rm -f "$PID_FILE"
    # setsid: the node outlives the make or CI step that started it; -p: it writes its pid.
    # shellcheck disable=SC2086
    setsid "${AS_NODE_USER[@]}" "$JAVA" $options \
        -Djava.io.tmpdir="$HOME_DIR/tmp" \
        -Dopensearch.path.home="$HOME_DIR" \
        -Dopensearch.path.conf="$HOME_DIR/config" \
        -Dopensearch.distribution.type=tar \
        -Dopensearch.bundled_jdk=false \
        -cp "$HOME_DIR/lib/*" org.opensearch.bootstrap.OpenSearch \
        -p "$PID_FILE" \
        -Ehttp.port="$PORT" -Epath.data="$HOME_DIR/data" -Epath.logs="$HOME_DIR/logs" \
        </dev/null >"$HOME_DIR/logs/opensearch.out" 2>&1 &
    local java_pid=$! started=$SECONDS status=""
    while (( SECONDS - started < WAIT )); do
        status="$(health)"
        if [[ "$status" == green || "$status" == yellow ]]; then
            echo "OpenSearch $VERSION ready on $URL ($status, $((SECONDS - started)) s, pid $java_pid)"
            return 0
        fi
        if ! kill -0 "$java_pid" 2>/dev/null; then
            echo "OpenSearch stopped while starting; the end of $HOME_DIR/logs/opensearch.out:" >&2
            tail -n 40 "$HOME_DIR/logs/opensearch.out" >&2
            return 1
        fi
        sleep 1
    done
    echo "OpenSearch did not become ready in $WAIT s; see $HOME_DIR/logs/opensearch.out" >&2
    return 1
}

stop() {
    if [[ ! -f "$PID_FILE" ]]; then
        echo "No OpenSearch node started from $HOME_DIR"
        return 0
    fi
    local pid
    pid="$(cat "$PID_FILE")"
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid"
        fi
        echo "OpenSearch stopped (pid $pid)"
    else
        echo "OpenSearch was not running (stale pid $pid)"
    fi
    rm -f "$PID_FILE"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status)
        status="$(health)"
        if [[ -n "$status" ]]; then echo "OpenSearch on $URL: $status"; else echo "No node on $URL"; exit 1; fi
        ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

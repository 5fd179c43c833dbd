#!/usr/bin/env bash
# A single OpenSearch node (2.19 by default, or 3.x) for development and CI, built from
# OpenSearch's Maven artifacts.
#
# Why: no Elasticsearch or OpenSearch distribution can be downloaded on the project's machines,
# but Maven Central is reachable, and OpenSearch publishes its server and its modules there.
# This script lays them out as a distribution would (pom.xml beside it), adds what the
# distribution adds to the modules (their descriptors and security policies, kept in
# modules/ beside it, their version lines filled in here) and the configuration (config/),
# then starts the server's own entry point, org.opensearch.bootstrap.OpenSearch: on Java 17
# for 2.x; on Java 21 or later for 3.x, with the Java agent that replaced the security manager
# in 3.0 (-javaagent, as the 3.x distribution's jvm.options has it).
#
#   opensearch.sh start    start the node unless it already answers; wait until it is ready
#   opensearch.sh stop     stop the node started here (by the pid it wrote)
#   opensearch.sh status   say whether it answers
#   opensearch.sh options  print the JVM options the node is started with, one a line
#   opensearch.sh descriptor MODULE   print the plugin descriptor the module gets
#
# Environment: OPENSEARCH_VERSION (2.19.6; a 3.x version such as 3.8.0 runs beside it with its
# own port and home), OPENSEARCH_PORT (9200 for 2.x, 9201 for 3.x), OPENSEARCH_HOME
# (<repository>/.cache/opensearch for 2.x, .cache/opensearch-3 for 3.x, git-ignored: the jars,
# the copied configuration, the data and the logs; /var/tmp/partnerhub-opensearch-* when root
# runs a clone that other users cannot enter), OPENSEARCH_JAVA (/usr/bin/java for 2.x; for 3.x
# the first Java 21 or later among $JAVA_HOME, /usr/bin/java and /usr/lib/jvm/*),
# OPENSEARCH_AGENT_VERSION (3.x: the Java agent's version, the server's by default; OpenSearch
# does not publish the agent for every release: 3.9.0's server runs with 3.8.0's agent),
# OPENSEARCH_START_SECONDS (180, how long to wait for the node).
#
# OpenSearch refuses to run as root. Started by root (CI, the project's machines), the node
# runs as the system user OPENSEARCH_USER (partnerhub-search, created on first use), which owns
# the data, logs and configuration directories; the jars stay read-only to it.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION="${OPENSEARCH_VERSION:-2.19.6}"
MAJOR="${VERSION%%.*}"
case "$MAJOR" in
    2) DEFAULT_PORT=9200 HOME_NAME=opensearch MIN_JAVA=11 ;;
    3) DEFAULT_PORT=9201 HOME_NAME=opensearch-3 MIN_JAVA=21 ;;
    *) echo "OPENSEARCH_VERSION must be a 2.x or 3.x version, not $VERSION" >&2; exit 2 ;;
esac
PORT="${OPENSEARCH_PORT:-$DEFAULT_PORT}"
AGENT_VERSION="${OPENSEARCH_AGENT_VERSION:-$VERSION}"
HOME_DIR="${OPENSEARCH_HOME:-$HERE/../../.cache/$HOME_NAME}"
WAIT="${OPENSEARCH_START_SECONDS:-180}"
URL="http://127.0.0.1:$PORT"

RUN_AS="${OPENSEARCH_USER:-partnerhub-search}"

if [[ -z "${OPENSEARCH_HOME:-}" ]] && (( EUID == 0 )) &&
    ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$HERE"; then
    # A clone in a private directory (under /root, say): the node's user could not reach
    # the repository's cache, so the node lives in a world-readable one of its own.
    HOME_DIR="/var/tmp/partnerhub-$HOME_NAME-$(printf '%s' "$HERE" | md5sum | cut -c1-8)"
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

java_major() {
    # The feature release of the Java at $1 (17, 21, 25...), or nothing if it does not run.
    "$1" -version 2>&1 | sed -n '1s/.* version "\([0-9]*\).*/\1/p' || true
}

find_java() {
    # OPENSEARCH_JAVA if given; else /usr/bin/java for 2.x (the machine's Java 17) and, for
    # 3.x, the first Java of at least MIN_JAVA among $JAVA_HOME, /usr/bin/java and
    # /usr/lib/jvm/*/bin/java (in reverse order of their names).
    local candidate major
    if [[ -n "${OPENSEARCH_JAVA:-}" ]]; then
        JAVA="$OPENSEARCH_JAVA"
    elif (( MAJOR == 2 )); then
        JAVA=/usr/bin/java
    else
        JAVA=""
        for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/bin/java \
            $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
            major="$(java_major "$candidate")"
            if [[ -n "$major" ]] && (( major >= MIN_JAVA )); then
                JAVA="$candidate"
                break
            fi
        done
        if [[ -z "$JAVA" ]]; then
            echo "OpenSearch $VERSION needs Java $MIN_JAVA or later; none found (set OPENSEARCH_JAVA)" >&2
            return 1
        fi
    fi
    major="$(java_major "$JAVA")"
    if [[ -z "$major" ]] || (( major < MIN_JAVA )); then
        echo "OpenSearch $VERSION needs Java $MIN_JAVA or later; $JAVA is ${major:-not a Java}" >&2
        return 1
    fi
    if (( MAJOR == 2 && major >= 24 )); then
        # 2.x installs a security manager, which Java 24 no longer lets any program enable.
        echo "OpenSearch $VERSION cannot run on Java $major (no security manager since Java 24):" \
            "use Java 17 to 23" >&2
        return 1
    fi
}

for_this_major() {
    # Standard input without the lines of another major version: a line "opensearch2:..." or
    # "opensearch3:..." is kept, without that prefix, for that major version only.
    sed -n -e "s/^opensearch$MAJOR://p; t" -e '/^opensearch[0-9]*:/d; p'
}

jvm_options() {
    # The JVM options of the node, one a line: those of config/jvm.options for this major
    # version (comments left out) and, for 3.x, the Java agent that replaced the security
    # manager (the 3.x distribution's jvm.options has "21-:-javaagent:agent/opensearch-agent.jar").
    sed -e '/^\s*#/d' -e '/^\s*$/d' "$HERE/config/jvm.options" | for_this_major
    if (( MAJOR >= 3 )); then
        echo "-javaagent:$HOME_DIR/agent/opensearch-agent-$AGENT_VERSION.jar"
    fi
}

module_file() {
    # A file of modules/ as the node gets it: the descriptors name the version of OpenSearch
    # they belong to, the Java they need and the module's class (renamed in 3.x: PainlessPlugin
    # became PainlessModulePlugin...).
    sed -e "s/@OPENSEARCH_VERSION@/$VERSION/g" -e "s/@JAVA_VERSION@/$MIN_JAVA/g" "$1" | for_this_major
}

maven() {
    local profile=()
    (( MAJOR == 2 )) || profile=(-P "opensearch$MAJOR" -Dopensearch.agent.version="$AGENT_VERSION")
    mvn -q -B -f "$HERE/pom.xml" generate-resources -Dopensearch.home="$HOME_DIR" \
        -Dopensearch.version="$VERSION" "${profile[@]}" "$@"
}

layout() {
    # The jars once (again when the pom changes); the module metadata and the configuration
    # at every start, so that an edit in the repository is taken at the next start.
    local stamp="$HOME_DIR/.jars-$VERSION" api core
    (( MAJOR == 2 )) || stamp+="-agent-$AGENT_VERSION"
    if [[ ! -f "$stamp" || "$HERE/pom.xml" -nt "$stamp" ]]; then
        echo "Laying out OpenSearch $VERSION in $HOME_DIR (Maven)..."
        rm -rf "$HOME_DIR/lib" "$HOME_DIR/modules" "$HOME_DIR/agent" "$HOME_DIR"/.jars-*
        maven
        # log4j-core is the pom's (optional in the server's pom); it must be the version of
        # the server's log4j-api.
        api="$(cd "$HOME_DIR/lib" && ls log4j-api-*.jar)"
        api="${api#log4j-api-}" api="${api%.jar}"
        core="$(cd "$HOME_DIR/lib" && ls log4j-core-*.jar)"
        core="${core#log4j-core-}" core="${core%.jar}"
        if [[ "$api" != "$core" ]]; then
            rm -f "$HOME_DIR/lib/log4j-core-$core.jar"
            maven -Dlog4j.version="$api"
        fi
        touch "$stamp"
    fi
    local file module target
    for module in "$HERE"/modules/*/; do
        target="$HOME_DIR/modules/$(basename "$module")"
        for file in "$module"*; do
            module_file "$file" >"$target/$(basename "$file")"
        done
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
    find_java
    layout
    local options
    options="$(jvm_options | tr '\n' ' ')"
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
    options) jvm_options ;;
    descriptor)
        [[ -f "$HERE/modules/${2:-}/plugin-descriptor.properties" ]] ||
            { echo "usage: $0 descriptor $(cd "$HERE/modules" && echo * | tr ' ' '|')" >&2; exit 2; }
        module_file "$HERE/modules/$2/plugin-descriptor.properties"
        ;;
    *) echo "usage: $0 start|stop|status|options|descriptor MODULE" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The services the tests and a production-like run need, installed and started by the project
# itself: the development and CI machines start with none of them (`make services`).
#
#   PostgreSQL 15 (with its contrib extensions) on 127.0.0.1:5432, user `postgres` with the
#   password below, and a UTF-8 database `partnerhub`;
#   Redis on 127.0.0.1:6379;
#   Chromium (Debian's, at /usr/bin/chromium) for the browser tests, and fonts for the six
#   languages' scripts; gettext for `make messages`.
#
# Idempotent: what is installed is not installed again, what answers is left as it is, and a
# second run takes a few seconds. It never stops, restarts or reconfigures a server that was
# already running before it: such a server is only checked, and the script says what is wrong
# if the tests could not use it. Only a server this script starts gets its password set.
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
# A password for the loopback only (Debian's clusters ask one on 127.0.0.1): the tests and the
# README's DATABASE_URL use it. It guards nothing but a local test server.
PG_PASSWORD=partnerhub
PG_DATABASE=partnerhub
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
# Redis started here keeps its pid, log and (empty) data under this folder.
STATE_DIR=${PARTNERHUB_SERVICES_DIR:-/var/lib/partnerhub-services}

say() { printf 'services: %s\n' "$*"; }
die() { printf 'services: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  as_root() { "$@"; }
elif command -v sudo >/dev/null; then
  as_root() { sudo "$@"; }
else
  as_root() { die "run as root (or install sudo) to install and start: $*"; }
fi

# --- What is missing ----------------------------------------------------------------------------

PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_EXTENSIONS=/usr/share/postgresql/$PG_VERSION/extension
packages=()
[ -x "$PG_BIN/postgres" ] && command -v pg_ctlcluster >/dev/null || packages+=("postgresql-$PG_VERSION")
[ -f "$PG_EXTENSIONS/unaccent.control" ] && [ -f "$PG_EXTENSIONS/pg_trgm.control" ] \
  || packages+=(postgresql-contrib)
command -v psql >/dev/null || packages+=("postgresql-client-$PG_VERSION")
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || packages+=(redis-server)
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v msgfmt >/dev/null || packages+=(gettext)
# Arabic and Cyrillic come with DejaVu; Chinese needs a CJK font, or the browser tests measure
# boxes of missing-glyph squares.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qiE 'cjk|wenquanyi|droid sans fallback' || packages+=(fonts-wqy-microhei)

installed_postgresql=0
case " ${packages[*]} " in *" postgresql-$PG_VERSION "*) installed_postgresql=1 ;; esac
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]}"
  # A cluster created by the package's own scripts takes its locale from the environment:
  # UTF-8, so that text search and trigrams work on non-ASCII text.
  as_root env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# --- PostgreSQL ---------------------------------------------------------------------------------

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5

wait_for() {  # wait_for DESCRIPTION COMMAND...: up to 30 s
  local what=$1
  shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  die "$what did not answer within 30 s"
}

as_postgres() { as_root runuser -u postgres -- "$@"; }

PG_DATA=/var/lib/postgresql/$PG_VERSION/$PG_CLUSTER
# The pid of the server this script started, so that a later run (after a failure, say) knows
# the server is its own and may still set its password.
PG_MARKER=$STATE_DIR/postgresql-$PG_VERSION-$PG_CLUSTER.pid
postmaster_pid() { as_root head -1 "$PG_DATA/postmaster.pid" 2>/dev/null || true; }
started_here() { [ -f "$PG_MARKER" ] && [ -n "$(postmaster_pid)" ] && [ "$(cat "$PG_MARKER")" = "$(postmaster_pid)" ]; }

# A cluster that the package's own scripts started while this script installed it is ours too.
if [ "$installed_postgresql" = 1 ] && pg_isready -q && [ -n "$(postmaster_pid)" ]; then
  as_root mkdir -p "$STATE_DIR"
  postmaster_pid | as_root tee "$PG_MARKER" >/dev/null
fi

if pg_isready -q; then
  if started_here; then
    say "PostgreSQL $PG_VERSION/$PG_CLUSTER (started by an earlier run) answers on $PG_HOST:$PG_PORT"
  else
    say "PostgreSQL already answers on $PG_HOST:$PG_PORT: left as it is"
  fi
else
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
    say "creating the PostgreSQL $PG_VERSION cluster '$PG_CLUSTER' (UTF-8)"
    as_root pg_createcluster --locale C.UTF-8 --encoding UTF8 --port "$PG_PORT" \
      "$PG_VERSION" "$PG_CLUSTER" >/dev/null
  fi
  cluster_port=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c {print $3}')
  [ "$cluster_port" = "$PG_PORT" ] \
    || die "cluster $PG_VERSION/$PG_CLUSTER is set to port $cluster_port, not $PG_PORT"
  say "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
  # --skip-systemctl-redirect: these machines have no systemd; pg_ctlcluster starts it itself.
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start
  wait_for "PostgreSQL on $PG_HOST:$PG_PORT" pg_isready -q
  as_root mkdir -p "$STATE_DIR"
  postmaster_pid | as_root tee "$PG_MARKER" >/dev/null
fi
if started_here && ! psql -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  # A server started here gets the loopback password of the tests (through the local socket,
  # where Debian lets the postgres system user in without one).
  as_postgres psql -q -h /var/run/postgresql -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 \
    -c "ALTER USER postgres PASSWORD '$PG_PASSWORD'" >/dev/null
fi
wait_for "PostgreSQL on $PG_HOST:$PG_PORT" pg_isready -q

psql -d postgres -tAc 'select 1' >/dev/null 2>&1 || die "PostgreSQL on $PG_HOST:$PG_PORT refuses \
user postgres with the password '$PG_PASSWORD'. It was running before this script, which \
leaves it as it is: give that user this password, or set DATABASE_URL to a user it accepts."

if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$PG_DATABASE'" | grep -q 1; then
  say "creating the UTF-8 database '$PG_DATABASE'"
  createdb -E UTF8 --locale=C.UTF-8 -T template0 "$PG_DATABASE"
fi
# Django creates the test databases from template0 in UTF-8 with the server's default
# collation, which must be a UTF-8 one for trigrams on non-ASCII text.
server_ctype=$(psql -d template1 -tAc "select datctype from pg_database where datname = 'template0'")
case "$server_ctype" in
  *UTF-8* | *utf8* | *UTF8*) ;;
  *) say "warning: the server's default locale is '$server_ctype', not UTF-8: trigram search \
on non-ASCII text will not work in the test databases" ;;
esac

# --- Redis --------------------------------------------------------------------------------------

redis_answers() { [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

REDIS_PIDFILE=$STATE_DIR/redis/redis.pid
if redis_answers; then
  if [ -f "$REDIS_PIDFILE" ] && [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" info server \
      | tr -d '\r' | awk -F: '$1 == "process_id" {print $2}')" = "$(cat "$REDIS_PIDFILE")" ]; then
    say "Redis (started by an earlier run) answers on $REDIS_HOST:$REDIS_PORT"
  else
    say "Redis already answers on $REDIS_HOST:$REDIS_PORT: left as it is"
  fi
else
  say "starting Redis on $REDIS_HOST:$REDIS_PORT"
  as_root mkdir -p "$STATE_DIR/redis"
  # Our own options, not /etc/redis/redis.conf: a cache for the tests, bound to the loopback,
  # kept in memory only.
  as_root redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --daemonize yes \
    --dir "$STATE_DIR/redis" --pidfile "$REDIS_PIDFILE" \
    --logfile "$STATE_DIR/redis/redis.log" --save '' --appendonly no
  wait_for "Redis on $REDIS_HOST:$REDIS_PORT" redis_answers
fi

# --- Chromium -----------------------------------------------------------------------------------

/usr/bin/chromium --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1 \
  || die "Chromium at /usr/bin/chromium does not start"

say "ready: DATABASE_URL=postgres://postgres:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DATABASE \
REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT/0, $(/usr/bin/chromium --version 2>/dev/null | head -1)"

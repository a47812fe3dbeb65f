#!/usr/bin/env bash
# PostgreSQL for the suite.
#
# Usage: tools/pg.sh start|stop|status|running
#
# start: when PGHOST/PGPORT/PGUSER are set and `pg_isready` answers, that server
#   is used. Otherwise this checkout gets a throwaway cluster of its own:
#   data in .local/pg/data (or, when the `postgres` user cannot reach the
#   repository, e.g. under /root, in ${TMPDIR:-/tmp}/order-handling-pg-<hash of
#   the repository path>), run as `postgres` when root, trust authentication,
#   TCP on 127.0.0.1 only (no Unix socket), superuser role `odoo`, port 5433
#   or the next free one (OH_PGPORT forces a port). A running cluster is
#   reused only when it is this checkout's own data directory.
#   The result is written to .local/pg.env (sourced by the other scripts).
# stop: stops this checkout's cluster (never an external server).
# running: exit 0 when this checkout's cluster runs.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROLE=odoo
FIRST_PORT=5433

# Run a command as the owner of the cluster: `postgres` when we are root.
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

recorded() { # recorded VAR: a value of the last .local/pg.env, or nothing
    [ -f "$PG_ENV" ] || return 0
    (
        # shellcheck disable=SC1090
        . "$PG_ENV"
        printf '%s' "${!1:-}"
    )
}

find_pg_bin() {
    local dir
    if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    else
        dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    fi
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        printf '%s' "$dir"
        return 0
    fi
    return 1
}

write_env() { # write_env MODE HOST PORT USER PASSWORD
    cat >"$PG_ENV" <<EOF
# Written by tools/pg.sh: the PostgreSQL server this checkout uses.
OH_PG_MODE=$1
PG_BASE=${PG_BASE:-}
PG_BIN=${PG_BIN:-}
PGHOST=$2
PGPORT=$3
PGUSER=$4
PGPASSWORD=$5
EOF
}

# --- an external server ----------------------------------------------------
use_external() {
    [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] || return 1
    # PG* pointing at this checkout's own cluster (e.g. exported from .local/pg.env)
    if [ "$(recorded OH_PG_MODE)" = local ] && [ "${PGPORT:-}" = "$(recorded PGPORT)" ] &&
        [[ ${PGHOST:-} == @(127.0.0.1|localhost) ]]; then
        return 1
    fi
    if ! pg_isready -q -t 5 -d postgres; then
        warn "PGHOST/PGPORT/PGUSER are set but no server answers there \
(host=${PGHOST:-default} port=${PGPORT:-5432}): starting a local cluster instead"
        return 1
    fi
    local user=${PGUSER:-$(id -un)}
    [ "$user" != postgres ] || die "Odoo refuses to connect as the role 'postgres': \
set PGUSER to a role with CREATEDB (e.g. createuser -s odoo)"
    local can
    can=$(psql -X -tAq -d postgres -c \
        "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user" 2>&1) ||
        die "cannot connect to PostgreSQL at ${PGHOST:-default}:${PGPORT:-5432} as $user: $can"
    [ "$can" = t ] || die "the role $user cannot create databases: grant CREATEDB or use another PGUSER"
    # keep where this checkout's own cluster is, so that `stop` still finds it
    PG_BASE=$(recorded PG_BASE) PG_BIN=$(recorded PG_BIN) write_env external "${PGHOST:-}" "${PGPORT:-5432}" "$user" "${PGPASSWORD:-}"
    say "PostgreSQL: using the server at ${PGHOST:-default}:${PGPORT:-5432} as $user"
}

# --- this checkout's own cluster ------------------------------------------
# Where the cluster lives: .local/pg when its owner can reach it, else /tmp.
choose_base() {
    local fallback
    fallback="${TMPDIR:-/tmp}/order-handling-pg-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
    PG_BASE=$(recorded PG_BASE)
    # the recorded place, if it is this checkout's (not that of a copied .local/)
    if [ -n "$PG_BASE" ] && [ -d "$PG_BASE/data" ] &&
        { [ "$PG_BASE" = "$LOCAL/pg" ] || [ "$(basename "$PG_BASE")" = "$(basename "$fallback")" ]; }; then
        return 0
    fi
    local candidate="$LOCAL/pg"
    mkdir -p "$candidate"
    is_root && chown postgres: "$candidate"
    if as_pg test -w "$candidate" 2>/dev/null; then
        PG_BASE=$candidate
        return 0
    fi
    rmdir "$candidate"
    candidate=$fallback
    mkdir -p "$candidate"
    chmod 700 "$candidate"
    is_root && chown postgres: "$candidate"
    as_pg test -w "$candidate" 2>/dev/null ||
        die "the postgres user cannot write $candidate: set TMPDIR to a folder it can use"
    say "PostgreSQL data in $candidate (the postgres user cannot reach $LOCAL)"
    PG_BASE=$candidate
}

running_port() { # the port of this checkout's cluster when it runs
    as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" status >/dev/null 2>&1 || return 1
    as_pg sed -n 4p "$PG_BASE/data/postmaster.pid"
}

# Does the server on port $1 run from this checkout's data directory? (A
# postmaster.pid copied along with .local/ names another checkout's server.)
serves_our_data() {
    local dir
    dir=$(psql -X -tAq -h 127.0.0.1 -p "$1" -U "$ROLE" -d postgres -c "SHOW data_directory" 2>/dev/null) ||
        return 1
    [ "$(readlink -f "$dir")" = "$(readlink -f "$PG_BASE/data")" ]
}

pick_port() {
    if [ -n "${OH_PGPORT:-}" ]; then
        port_busy "$OH_PGPORT" && die "port $OH_PGPORT (OH_PGPORT) is taken by another \
program: choose another OH_PGPORT"
        printf '%s' "$OH_PGPORT"
        return 0
    fi
    local port
    for port in $(recorded PGPORT) $(seq "$FIRST_PORT" $((FIRST_PORT + 100))); do
        if ! port_busy "$port"; then
            printf '%s' "$port"
            return 0
        fi
    done
    die "no free port in $FIRST_PORT-$((FIRST_PORT + 100)): set OH_PGPORT"
}

init_cluster() {
    say "PostgreSQL: creating a cluster in $PG_BASE/data"
    as_pg "$PG_BIN/initdb" -D "$PG_BASE/data" -U "$ROLE" -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$LOCAL/pg-initdb.log" 2>&1 ||
        die "initdb failed, see $LOCAL/pg-initdb.log"
    # A throwaway cluster: TCP on loopback only, speed over durability.
    as_pg tee -a "$PG_BASE/data/postgresql.conf" >/dev/null <<'EOF'

# order-handling tools/pg.sh: throwaway cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start_local() {
    unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSERVICE
    if ! PG_BIN=$(find_pg_bin); then
        apt_install postgresql || die "no PostgreSQL server (initdb, pg_ctl): install it \
(apt-get install postgresql) or set PGHOST/PGPORT/PGUSER to a running server"
        PG_BIN=$(find_pg_bin) || die "PostgreSQL was installed but initdb is not found"
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
        die "no 'postgres' user to run the cluster as (apt-get install postgresql creates it)"
    fi
    choose_base
    local port
    if port=$(running_port); then
        pg_isready -q -t 30 -h 127.0.0.1 -p "$port" || die "the server of \
$PG_BASE/data/postmaster.pid does not answer on port $port (if no server runs, remove that file)"
        if serves_our_data "$port"; then
            write_env local 127.0.0.1 "$port" "$ROLE" ""
            return 0
        fi
        warn "$PG_BASE/data/postmaster.pid is another checkout's server (copied .local/?): removing it"
        as_pg rm -f "$PG_BASE/data/postmaster.pid"
    fi
    [ -f "$PG_BASE/data/PG_VERSION" ] || init_cluster
    port=$(pick_port)
    say "PostgreSQL: starting this checkout's cluster on 127.0.0.1:$port"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -l "$PG_BASE/server.log" -w -t 60 \
        -o "-p $port" start >/dev/null; then
        as_pg tail -n 20 "$PG_BASE/server.log" >&2 || true
        die "PostgreSQL did not start (log: $PG_BASE/server.log)"
    fi
    write_env local 127.0.0.1 "$port" "$ROLE" ""
}

local_running() {
    PG_BASE=$(recorded PG_BASE)
    PG_BIN=$(recorded PG_BIN)
    [ -n "$PG_BASE" ] && [ -d "$PG_BASE/data" ] || return 1
    running_port >/dev/null
}

stop_local() {
    if local_running; then
        say "PostgreSQL: stopping this checkout's cluster ($PG_BASE/data)"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
start) use_external || start_local ;;
stop) stop_local ;;
running) local_running ;;
status)
    if [ -f "$PG_ENV" ]; then
        cat "$PG_ENV"
        load_pg_env
        pg_isready -h "$PGHOST" -p "$PGPORT" || true
    else
        echo "not set up yet"
    fi
    ;;
*) die "usage: tools/pg.sh start|stop|status|running" ;;
esac

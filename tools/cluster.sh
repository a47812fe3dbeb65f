#!/usr/bin/env bash
# The suite on several Odoo nodes, a PostgreSQL replica and nginx, on loopback.
#
# Usage: tools/cluster.sh start|stop|status|async|sync
#
# start: a PostgreSQL primary and a streaming hot-standby replica made with
#   pg_basebackup (data in .local/cluster/pg-primary and pg-replica, run as
#   `postgres` when root, trust authentication, TCP on 127.0.0.1 only, like
#   tools/pg.sh), two Odoo nodes with workers (own HTTP and gevent ports, one
#   shared data_dir for filestore and sessions, db_replica_host/port on the
#   replica, proxy_mode, crons on both) and nginx (Debian package, installed
#   when missing) on 127.0.0.1: round-robin over the nodes' HTTP ports,
#   /websocket to their gevent ports. Prints the URL and what runs where.
#   The database: OH_CLUSTER_DB (default order_handling_demo). When the
#   primary does not have it, it is copied from this checkout's PostgreSQL
#   (tools/pg.sh) when it is there (with its filestore), else created on the
#   primary with the suite installed (no demo data; admin / admin).
#   The data directories are kept by `stop` and reused by the next `start`
#   (rm -rf .local/cluster to start afresh).
# stop: stops nginx, the Odoo nodes, the replica and the primary (only those
#   started from .local/cluster).
# status: what runs.
#
# Replication: synchronous, remote_apply (read-your-writes on the replica);
#   OH_CLUSTER_SYNC=async for asynchronous replication. `tools/cluster.sh
#   async|sync` switches a running cluster (async before stopping the replica).
# Ports (environment overrides): OH_CLUSTER_PORT (nginx, 8470),
#   OH_CLUSTER_PG_PORT (primary, 5441), OH_CLUSTER_REPLICA_PORT (5442),
#   OH_CLUSTER_HTTP_PORTS ("8471 8472"), OH_CLUSTER_GEVENT_PORTS ("8481 8482"),
#   OH_CLUSTER_WORKERS (per node, 2).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CL="$LOCAL/cluster"
ROLE=odoo
DB=${OH_CLUSTER_DB:-$DEMO_DB}
LB_PORT=${OH_CLUSTER_PORT:-8470}
PRIMARY_PORT=${OH_CLUSTER_PG_PORT:-5441}
REPLICA_PORT=${OH_CLUSTER_REPLICA_PORT:-5442}
read -r -a HTTP_PORTS <<<"${OH_CLUSTER_HTTP_PORTS:-8471 8472}"
read -r -a GEVENT_PORTS <<<"${OH_CLUSTER_GEVENT_PORTS:-8481 8482}"
WORKERS=${OH_CLUSTER_WORKERS:-2}
SYNC_MODE=${OH_CLUSTER_SYNC:-remote_apply}
PRIMARY="$CL/pg-primary"
REPLICA="$CL/pg-replica"
DATA_DIR="$CL/data" # shared by the nodes: filestore and sessions
NGINX_DIR="$CL/nginx"
NGINX_CONF="$NGINX_DIR/nginx.conf"
NGINX_PID="$NGINX_DIR/nginx.pid"

[ ${#HTTP_PORTS[@]} -eq ${#GEVENT_PORTS[@]} ] ||
    die "OH_CLUSTER_HTTP_PORTS and OH_CLUSTER_GEVENT_PORTS must name as many ports"

as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

pg_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/pg_basebackup" ] || return 1
    printf '%s' "$dir"
}

# psql on the primary / the replica
psql_primary() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" "$@"; }
psql_replica() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$REPLICA_PORT" -U "$ROLE" "$@"; }

pg_running() { [ -f "$1/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

pg_start() { # pg_start DIR PORT NAME
    pg_running "$1" && return 0
    port_busy "$2" && die "port $2 ($3) is taken by another program: set the OH_CLUSTER_*PORT variables"
    say "PostgreSQL $3: starting on 127.0.0.1:$2 ($1/data)"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 -o "-p $2" start >/dev/null; then
        as_pg tail -n 20 "$1/server.log" >&2 || true
        die "PostgreSQL $3 did not start (log: $1/server.log)"
    fi
}

pg_stop() { # pg_stop DIR NAME
    if pg_running "$1"; then
        say "PostgreSQL $2: stopping"
        as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
    fi
}

owned_dir() { # a folder the postgres user owns
    mkdir -p "$1"
    if is_root; then chown postgres: "$1"; fi
    chmod 700 "$1"
}

# --- PostgreSQL ------------------------------------------------------------
primary_start() {
    if [ ! -f "$PRIMARY/data/PG_VERSION" ]; then
        owned_dir "$PRIMARY"
        say "PostgreSQL primary: creating a cluster in $PRIMARY/data"
        as_pg "$PG_BIN/initdb" -D "$PRIMARY/data" -U "$ROLE" -A trust -E UTF8 \
            --locale=C.UTF-8 --no-sync >"$CL/initdb.log" 2>&1 ||
            die "initdb failed, see $CL/initdb.log"
        # initdb's pg_hba.conf (trust) already admits replication from 127.0.0.1
        as_pg tee -a "$PRIMARY/data/postgresql.conf" >/dev/null <<'EOF'

# order-handling tools/cluster.sh: primary of a throwaway cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
synchronous_commit = off
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
EOF
    fi
    pg_start "$PRIMARY" "$PRIMARY_PORT" primary
    # no commit may wait for a replica that is not there yet
    replication_mode async
}

replica_start() {
    if [ ! -f "$REPLICA/data/PG_VERSION" ]; then
        owned_dir "$REPLICA"
        say "PostgreSQL replica: pg_basebackup of the primary into $REPLICA/data"
        # -R: standby.signal and primary_conninfo; -X stream: consistent copy
        as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" \
            -D "$REPLICA/data" -R -X stream -c fast --no-sync >"$CL/basebackup.log" 2>&1 ||
            die "pg_basebackup failed, see $CL/basebackup.log"
        as_pg tee -a "$REPLICA/data/postgresql.conf" >/dev/null <<'EOF'

# order-handling tools/cluster.sh: hot standby of the primary
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 5s
EOF
    fi
    pg_start "$REPLICA" "$REPLICA_PORT" replica
    local i streaming=
    for i in $(seq 1 30); do
        if [ "$(psql_primary -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge 1 ]; then
            streaming=1
            break
        fi
        sleep 1
    done
    [ -n "$streaming" ] || die "the replica does not stream from the primary (log: $REPLICA/server.log)"
    replication_mode "$SYNC_MODE"
}

# replication_mode remote_apply|async: with remote_apply (the default), a
# commit returns once the replica has applied it, so that a user's next read,
# sent to the replica, sees that user's write (read-your-writes). A commit
# then waits for the replica: `async` before stopping the replica (or
# OH_CLUSTER_SYNC=async for asynchronous replication, reads may lag).
replication_mode() {
    if [ "$1" = remote_apply ]; then
        psql_primary -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '*'" \
            -c "ALTER SYSTEM SET synchronous_commit = 'remote_apply'" -c "SELECT pg_reload_conf()" >/dev/null
    else
        psql_primary -d postgres -c "ALTER SYSTEM RESET synchronous_standby_names" \
            -c "ALTER SYSTEM RESET synchronous_commit" -c "SELECT pg_reload_conf()" >/dev/null
    fi
}

primary_has_db() { [ "$(psql_primary -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ]; }

ensure_database() {
    primary_has_db && return 0
    mkdir -p "$DATA_DIR/filestore"
    if [ -f "$PG_ENV" ] && (load_pg_env && pg_isready -q -t 5 && db_exists "$DB") 2>/dev/null; then
        say "copying $DB from this checkout's PostgreSQL to the primary (pg_dump | psql)"
        (
            load_pg_env
            createdb -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" "$DB"
            pg_dump --no-owner "$DB" | psql_primary -d "$DB" >"$CL/copy-db.log" 2>&1
        ) || die "copying $DB failed (log: $CL/copy-db.log)"
        if [ -d "$LOCAL/filestore/filestore/$DB" ]; then
            cp -a "$LOCAL/filestore/filestore/$DB" "$DATA_DIR/filestore/"
        fi
        return 0
    fi
    local addons log="$CL/install.log" start=$SECONDS
    addons=$(suite_addons)
    say "creating $DB on the primary with the suite installed, without demo data (log: ${log#"$ROOT/"})"
    createdb -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" "$DB"
    if ! odoo_cmd -c "$CL/node1.conf" -d "$DB" -i "$addons" --without-demo=all \
        --stop-after-init --no-http --workers=0 --max-cron-threads=0 --logfile= >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        dropdb -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" "$DB" || true
        die "installing the suite in $DB failed (log: $log)"
    fi
    say "done in $((SECONDS - start)) s"
}

# --- Odoo nodes ------------------------------------------------------------
node_conf() { # node_conf N HTTP_PORT GEVENT_PORT
    local admin_passwd
    admin_passwd=$(cat "$LOCAL/admin_passwd" 2>/dev/null || echo admin)
    cat >"$CL/node$1.conf" <<EOF
; Generated by tools/cluster.sh: node $1 of the cluster. Edit the script, not this file.
[options]
addons_path = $ADDONS_DIR
; shared by every node: filestore and HTTP sessions
data_dir = $DATA_DIR
db_host = 127.0.0.1
db_port = $PRIMARY_PORT
db_user = $ROLE
db_password = False
; read-only routes (readonly=True, @api.readonly methods) go to the replica
db_replica_host = 127.0.0.1
db_replica_port = $REPLICA_PORT
; per worker: cursors of the primary and of the replica pools
db_maxconn = 16
db_name = $DB
dbfilter = ^$DB\$
list_db = False
admin_passwd = $admin_passwd
http_interface = 127.0.0.1
http_port = $2
gevent_port = $3
; behind nginx: X-Forwarded-* headers are trusted
proxy_mode = True
workers = $WORKERS
; crons run on every node: ir.cron locks each job (FOR UPDATE SKIP LOCKED)
max_cron_threads = 1
limit_time_cpu = 120
limit_time_real = 240
limit_memory_soft = 2147483648
limit_memory_hard = 2684354560
logfile = $CL/node$1.log
pidfile = $CL/node$1.pid
log_level = info
EOF
}

# Odoo's prefork server starts its gevent (websocket) process as
# `python sys.argv[0] gevent ...`: sys.argv[0] must be a script, which
# `python -m odoo` does not give. This is odoo-bin for the interpreter in use.
write_launcher() {
    cat >"$CL/odoo-bin" <<'EOF'
# Generated by tools/cluster.sh: odoo-bin (run as: $PYTHON odoo-bin -c ...)
from odoo.cli.command import main

if __name__ == "__main__":
    main()
EOF
}

node_pid() { # node_pid N: the master pid of node N when it runs
    local pid
    [ -f "$CL/node$1.pid" ] || return 1
    pid=$(cat "$CL/node$1.pid")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "node$1.conf" || return 1
    printf '%s' "$pid"
}

wait_url() { # wait_url URL PID
    local i
    for i in $(seq 1 120); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}

node_start() { # node_start N
    local n=$1 http=${HTTP_PORTS[$(($1 - 1))]} gevent=${GEVENT_PORTS[$(($1 - 1))]} pid
    node_pid "$n" >/dev/null && return 0
    for port in "$http" "$gevent"; do
        port_busy "$port" && die "port $port (Odoo node $n) is taken: set OH_CLUSTER_HTTP_PORTS / OH_CLUSTER_GEVENT_PORTS"
    done
    say "Odoo node $n: starting on 127.0.0.1:$http (gevent $gevent, $WORKERS workers)"
    (cd "$ROOT" && exec setsid "$PYTHON" "$CL/odoo-bin" -c "$CL/node$n.conf") </dev/null >>"$CL/node$n.out" 2>&1 &
    pid=$!
    if ! wait_url "http://127.0.0.1:$http/web/login" "$pid"; then
        tail -n 30 "$CL/node$n.log" >&2 || true
        kill "$pid" 2>/dev/null || true
        die "Odoo node $n did not answer on 127.0.0.1:$http (log: $CL/node$n.log)"
    fi
}

node_stop() { # node_stop N
    local pid i
    pid=$(node_pid "$1") || return 0
    say "Odoo node $1: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$CL/node$1.pid"
}

# --- nginx -----------------------------------------------------------------
ensure_nginx() {
    command -v nginx >/dev/null && return 0
    command -v dpkg-query >/dev/null && ! deb_installed nginx && apt_install nginx || true
    command -v nginx >/dev/null || die "nginx is missing: install it (sudo apt-get install nginx)"
}

nginx_conf() {
    mkdir -p "$NGINX_DIR/tmp"
    local http_servers="" gevent_servers="" i
    for i in "${!HTTP_PORTS[@]}"; do
        http_servers+="        server 127.0.0.1:${HTTP_PORTS[$i]};"$'\n'
        gevent_servers+="        server 127.0.0.1:${GEVENT_PORTS[$i]};"$'\n'
    done
    cat >"$NGINX_CONF" <<EOF
# Generated by tools/cluster.sh: nginx in front of the Odoo nodes.
worker_processes 1;
pid $NGINX_PID;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status '
                        'upstream=\$upstream_addr time=\$request_time';
    access_log $NGINX_DIR/access.log upstream;

    # round-robin over the nodes' HTTP ports (the default method)
    upstream odoo {
$http_servers    }
    # websocket (bus) on the nodes' gevent ports
    upstream odoochat {
$gevent_servers    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      close;
    }

    server {
        listen 127.0.0.1:$LB_PORT;
        server_name 127.0.0.1 localhost;
        client_max_body_size 128m;
        proxy_read_timeout 720s;
        # Odoo's prefork listens with a backlog of 8 x workers (16 for 2
        # workers): more simultaneous requests than that wait for a SYN
        # retransmission (1, 3, 7 s…); a short connect timeout would then
        # mark a busy node dead ("no live upstreams", 502 for everyone). A
        # stopped node refuses at once and is skipped whatever this value.
        proxy_connect_timeout 60s;
        proxy_send_timeout 720s;
        # a node that refuses connections or dies is skipped for the
        # idempotent methods (GET, HEAD); a POST in flight fails
        proxy_next_upstream error timeout http_502 http_503;

        location /websocket {
            proxy_pass http://odoochat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
        }

        # no keep-alive to the nodes: a prefork worker waits up to 2 s
        # (ODOO_HTTP_SOCKET_TIMEOUT) for the next request of a kept-alive
        # connection, doing nothing else, then closes it ("Request timed
        # out"); a POST nginx sends on it at that moment fails with a 502
        location / {
            proxy_pass http://odoo;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
            proxy_redirect off;
        }

        gzip on;
        gzip_types text/css text/plain application/json application/javascript text/xml;
    }
}
EOF
}

nginx_pid() {
    local pid
    [ -f "$NGINX_PID" ] || return 1
    pid=$(cat "$NGINX_PID")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q nginx || return 1
    printf '%s' "$pid"
}

nginx_start() {
    nginx -t -q -c "$NGINX_CONF" -p "$NGINX_DIR" 2>"$NGINX_DIR/test.log" ||
        die "nginx refuses its configuration: $(cat "$NGINX_DIR/test.log")"
    if nginx_pid >/dev/null; then
        nginx -c "$NGINX_CONF" -p "$NGINX_DIR" -s reload 2>/dev/null
        return 0
    fi
    port_busy "$LB_PORT" && die "port $LB_PORT (nginx) is taken: set OH_CLUSTER_PORT"
    say "nginx: starting on 127.0.0.1:$LB_PORT"
    nginx -c "$NGINX_CONF" -p "$NGINX_DIR"
}

nginx_stop() {
    local pid i
    pid=$(nginx_pid) || return 0
    say "nginx: stopping (pid $pid)"
    kill -QUIT "$pid" 2>/dev/null || true
    for i in $(seq 1 10); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 1
    done
    kill -TERM "$pid" 2>/dev/null || true
}

# --- commands --------------------------------------------------------------
print_status() {
    local i pid
    echo "Cluster of the Order Handling Suite (database $DB):"
    printf '  %-22s %s\n' "URL (nginx)" "http://127.0.0.1:$LB_PORT  $(nginx_pid >/dev/null && echo running || echo stopped)"
    for i in "${!HTTP_PORTS[@]}"; do
        pid=$(node_pid $((i + 1)) || echo stopped)
        printf '  %-22s %s\n' "Odoo node $((i + 1))" "http 127.0.0.1:${HTTP_PORTS[$i]}, gevent ${GEVENT_PORTS[$i]}, $WORKERS workers + cron, pid $pid, log ${CL#"$ROOT/"}/node$((i + 1)).log"
    done
    printf '  %-22s %s\n' "PostgreSQL primary" "127.0.0.1:$PRIMARY_PORT $(pg_running "$PRIMARY" && echo running || echo stopped) (${PRIMARY#"$ROOT/"}/data)"
    printf '  %-22s %s\n' "PostgreSQL replica" "127.0.0.1:$REPLICA_PORT $(pg_running "$REPLICA" && echo running || echo stopped) (${REPLICA#"$ROOT/"}/data, hot standby)"
    printf '  %-22s %s\n' "shared data_dir" "${DATA_DIR#"$ROOT/"}"
    if pg_running "$PRIMARY"; then
        printf '  %-22s %s\n' "replication" "$(psql_primary -d postgres -F ' ' -c \
            "SELECT application_name, state, sync_state, 'replay_lag=' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" || true)"
    fi
    echo "  Log in as admin (the database's admin password). Stop everything: make cluster-stop"
}

cmd_start() {
    PG_BIN=$(pg_bin) || { apt_install postgresql && PG_BIN=$(pg_bin); } ||
        die "no PostgreSQL server (pg_basebackup, pg_ctl): apt-get install postgresql"
    is_root && ! id postgres >/dev/null 2>&1 && die "no 'postgres' user to run the clusters as"
    ensure_nginx
    mkdir -p "$CL" "$DATA_DIR"
    write_launcher
    primary_start
    local i
    for i in "${!HTTP_PORTS[@]}"; do
        node_conf $((i + 1)) "${HTTP_PORTS[$i]}" "${GEVENT_PORTS[$i]}"
    done
    ensure_database
    replica_start
    for i in "${!HTTP_PORTS[@]}"; do
        node_start $((i + 1))
    done
    nginx_conf
    nginx_start
    wait_url "http://127.0.0.1:$LB_PORT/web/login" "$(nginx_pid)" ||
        die "nginx does not serve http://127.0.0.1:$LB_PORT/web/login (log: $NGINX_DIR/error.log)"
    print_status
}

cmd_stop() {
    PG_BIN=$(pg_bin) || die "no PostgreSQL binaries"
    nginx_stop
    local i
    for i in "${!HTTP_PORTS[@]}"; do
        node_stop $((i + 1))
    done
    if pg_running "$PRIMARY"; then replication_mode async; fi
    pg_stop "$REPLICA" replica
    pg_stop "$PRIMARY" primary
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status)
    PG_BIN=$(pg_bin) || die "no PostgreSQL binaries"
    print_status
    ;;
async) replication_mode async ;;
sync) replication_mode remote_apply ;;
*) die "usage: tools/cluster.sh start|stop|status|async|sync" ;;
esac

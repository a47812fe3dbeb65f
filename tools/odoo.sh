#!/usr/bin/env bash
# Databases, server and tests of the suite (the Makefile targets call this).
#
# Usage: tools/odoo.sh demo|test|stop|status|addons
#   demo    set up, create the database order_handling_demo with every suite
#           addon, demo data and Simplified Chinese (reused when it exists: the
#           suite's addons updated when their source changed, those it lacks
#           installed, the language loaded when missing),
#           start Odoo in the background on 127.0.0.1:8069 and print how to
#           log in
#   test    set up, create a fresh order_handling_test with every suite addon
#           and no demo data (from a cached copy of its dependencies outside
#           CI), run pytest-odoo over every addon, then tools/upgrade_check.sh
#           (-u and uninstall/reinstall on a database with demo data; skipped
#           with OH_UPGRADE_CHECK=0), then tools/matrix_check.sh (three cuts
#           of the dependency tree on empty databases; OH_MATRIX_CHECK=0 skips
#           it), then tools/compat_check.sh (Odoo's and
#           OCA's own tests with the suite installed; OH_COMPAT_CHECK=0 skips
#           it); the exit status is pytest's, else the checks' (no test
#           collected = error)
#   stop    stop the demo server and this checkout's PostgreSQL cluster
#   status  what runs
#   addons  print the suite's addons
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup() {
    bash "$ROOT/tools/setup.sh" "$1"
    load_pg_env
    ADDONS=$(suite_addons)
    [ -n "$ADDONS" ] || die "no addon (a folder with __manifest__.py) in $ADDONS_DIR"
    # wkhtmltopdf wants a runtime dir; tests use Chromium headless
    export XDG_RUNTIME_DIR="$LOCAL/xdg-runtime"
    mkdir -p "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
}

# Names of the suite addons (comma list $2) not installed in database $1.
missing_addons() {
    local list names
    IFS=, read -ra names <<<"$2"
    list=$(printf "'%s'," "${names[@]}")
    sql -d "$1" -c "SELECT string_agg(n, ',') FROM unnest(ARRAY[${list%,}]::text[]) n
                    WHERE n NOT IN (SELECT name FROM ir_module_module WHERE state = 'installed')"
}

db_initialized() { # the database exists and Odoo's base module is installed in it
    db_exists "$1" && [ "$(sql -d "$1" -c "SELECT 1 FROM pg_tables WHERE tablename = 'ir_module_module'")" = 1 ] &&
        [ "$(sql -d "$1" -c "SELECT state FROM ir_module_module WHERE name = 'base'")" = installed ]
}

drop_db() {
    if db_exists "$1"; then
        dropdb --force "$1"
    fi
    rm -rf "$LOCAL/filestore/filestore/$1"
}

# install_addons DB ADDONS LOG [odoo options]: odoo -i ... --stop-after-init,
# output in LOG, checked afterwards (every addon installed, no ERROR logged).
# update_addons: the same with -u.
install_addons() { init_addons -i "$@"; }
update_addons() { init_addons -u "$@"; }
init_addons() {
    local flag=$1 db=$2 addons=$3 log=$4 start=$SECONDS verb=installing
    shift 4
    [ "$flag" = -i ] || verb=updating
    say "$verb $addons in $db (log: ${log#"$ROOT/"})"
    if ! odoo_cmd -c "$ODOO_CONF" -d "$db" "$flag" "$addons" --stop-after-init --no-http \
        --log-level=info "$@" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "$verb $addons in $db failed (full log: $log)"
    fi
    local missing errors
    missing=$(missing_addons "$db" "$addons")
    errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" || true)
    if [ -n "$errors" ]; then
        printf '%s\n' "$errors" | head -n 40 >&2
        die "Odoo logged errors while $verb $addons in $db (full log: $log)"
    fi
    [ -z "$missing" ] || die "not installed in $db: $missing (see $log)"
    say "done in $((SECONDS - start)) s"
}

# A fingerprint of the suite's source files: the demo database records the
# one it was last installed or updated with (DEMO_STAMP), and `make demo`
# updates the suite's addons in it (-u) when the source has changed since,
# e.g. after a git pull (Odoo itself only updates on a version bump).
DEMO_STAMP="$LOCAL/demo-addons.stamp"
demo_stamp() { # the demo database's name and the fingerprint of the source
    local names
    IFS=, read -ra names <<<"$ADDONS"
    printf '%s %s\n' "$DEMO_DB" "$(cd "$ADDONS_DIR" &&
        find "${names[@]}" -type f ! -name '*.pyc' -print0 |
        sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)"
}
demo_up_to_date() { [ "$(cat "$DEMO_STAMP" 2>/dev/null)" = "$(demo_stamp)" ]; }

# The demo speaks Simplified Chinese too. A language loaded while the addons
# are installed (--load-language with -i, one command) gets each addon's
# terms as the addon is installed, its noupdate records (departments,
# activity types, ...) included. Loaded later with --load-language, Odoo
# sets up only `base` first and skips every other model's records, so a
# database that lacks the language gets it from a shell where every model is.
# English is named first: Odoo makes the first language of --load-language
# the default of every partner, and users pick 简体中文 in their preferences.
DEMO_LANG=zh_CN

demo_lang_active() {
    [ "$(sql -d "$1" -c "SELECT active FROM res_lang WHERE code = '$DEMO_LANG'")" = t ]
}

load_demo_lang() { # load_demo_lang DB: the language and every installed addon's terms
    local log="$LOCAL/demo-lang.log"
    say "loading $DEMO_LANG into $1 (log: ${log#"$ROOT/"})"
    if ! odoo_cmd shell -c "$ODOO_CONF" -d "$1" --no-http --log-level=info >"$log" 2>&1 <<PY; then
lang = env["res.lang"].with_context(active_test=False).search([("code", "=", "$DEMO_LANG")])
env["base.language.install"].create({"lang_ids": [(6, 0, lang.ids)]}).lang_install()
env.cr.commit()
PY
        tail -n 20 "$log" >&2
        die "loading $DEMO_LANG into $1 failed (full log: $log)"
    fi
    demo_lang_active "$1" || die "$DEMO_LANG is not active in $1 (log: $log)"
}

# --- demo server -----------------------------------------------------------
server_pid() { # the pid of the running demo server, if any
    local pid
    [ -f "$ODOO_PIDFILE" ] || return 1
    pid=$(cat "$ODOO_PIDFILE")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-m odoo"; then
        printf '%s' "$pid"
        return 0
    fi
    rm -f "$ODOO_PIDFILE"
    return 1
}

server_url() {
    local port
    port=$(tr '\0' '\n' <"/proc/$1/cmdline" | sed -n 's/^--http-port=//p')
    printf 'http://127.0.0.1:%s' "${port:-$HTTP_PORT}"
}

# Users of the demo database that belong to a group of the "Order Handling"
# category, with the password (= login) checked by a real login.
print_logins() {
    local url=$1 rows
    rows=$(sql -d "$DEMO_DB" -F $'\t' -c "
        SELECT u.login, p.name, string_agg(DISTINCT g.name->>'en_US', ', ')
          FROM res_users u
          JOIN res_partner p ON p.id = u.partner_id
          JOIN res_groups_users_rel r ON r.uid = u.id
          JOIN res_groups g ON g.id = r.gid
          JOIN ir_module_category c ON c.id = g.category_id
         WHERE u.active AND u.login <> 'admin'
           AND (c.name->>'en_US' ILIKE 'Order Handling%'
                OR c.id IN (SELECT id FROM ir_module_category
                             WHERE parent_id IN (SELECT id FROM ir_module_category
                                                  WHERE name->>'en_US' ILIKE 'Order Handling%')))
         GROUP BY u.login, p.name ORDER BY u.login" 2>/dev/null || true)
    py - "$url" "$DEMO_DB" "$rows" <<'PY'
import sys, xmlrpc.client
url, db, rows = sys.argv[1:4]
common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
print(f"\nOdoo runs at {url}/odoo  (database {db})\n")
print(f"  {'login':<14} {'password':<14} who")
print(f"  {'admin':<14} {'admin':<14} Administrator")
for line in rows.splitlines():
    if not line.strip():
        continue
    login, name, groups = (line.rstrip("\n").split("\t") + ["", ""])[:3]
    try:
        ok = bool(common.login(db, login, login))
    except Exception:
        ok = False
    password = login if ok else "(not = login)"
    print(f"  {login:<14} {password:<14} {name} - {groups}")
PY
    echo
    echo "Stop it with: make stop"
}

http_status() { # the HTTP status of a GET of $1, 000 when nothing answers
    py - "$1" <<'PY'
import sys, urllib.error, urllib.request
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=10).status)
except urllib.error.HTTPError as exc:
    print(exc.code)
except Exception:
    print("000")
PY
}

wait_http() { # wait_http URL PID: until URL/web/login answers 200
    local _
    for _ in $(seq 1 180); do
        [ "$(http_status "$1/web/login")" = 200 ] && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}

cmd_demo() {
    setup demo
    local pid url
    if pid=$(server_pid); then
        url=$(server_url "$pid")
        say "Odoo is already running (pid $pid) at $url"
        demo_up_to_date ||
            say "the suite's source changed since $DEMO_DB was set up: make stop, then make demo, to update it"
        print_logins "$url"
        return 0
    fi
    port_busy "$HTTP_PORT" && die "port $HTTP_PORT is taken by another program (another \
checkout's Odoo?): set OH_HTTP_PORT to a free port"
    if db_initialized "$DEMO_DB"; then
        say "reusing the database $DEMO_DB"
        local missing
        missing=$(missing_addons "$DEMO_DB" "$ADDONS")
        # with the language active, newly installed addons get their terms
        demo_lang_active "$DEMO_DB" || load_demo_lang "$DEMO_DB"
        # first the installed ones, whose schema the new addons may need
        local installed=$ADDONS
        [ -z "$missing" ] || installed=$(comm -23 <(tr , '\n' <<<"$ADDONS" | sort) \
            <(tr , '\n' <<<"$missing" | sort) | paste -sd,)
        if [ -n "$installed" ] && ! demo_up_to_date; then
            update_addons "$DEMO_DB" "$installed" "$LOCAL/demo-update.log"
        fi
        [ -z "$missing" ] || install_addons "$DEMO_DB" "$missing" "$LOCAL/demo-install.log"
        demo_stamp >"$DEMO_STAMP"
    else
        drop_db "$DEMO_DB"
        install_addons "$DEMO_DB" "$ADDONS" "$LOCAL/demo-install.log" \
            --load-language="en_US,$DEMO_LANG"
        [ "$(sql -d "$DEMO_DB" -c "SELECT demo FROM ir_module_module WHERE name = 'base'")" = t ] ||
            die "$DEMO_DB was created without demo data (check without_demo in $ODOO_CONF)"
        demo_lang_active "$DEMO_DB" || die "$DEMO_DB was created without $DEMO_LANG"
        demo_stamp >"$DEMO_STAMP"
    fi
    url="http://127.0.0.1:$HTTP_PORT"
    say "starting Odoo at $url (log: ${ODOO_LOG#"$ROOT/"})"
    rm -f "$ODOO_PIDFILE"
    # its own session, no tie to this terminal: it runs on after `make demo`
    (cd "$ROOT" && exec setsid "$PYTHON" -m odoo -c "$ODOO_CONF" -d "$DEMO_DB" \
        --db-filter="^$DEMO_DB\$" --http-interface=127.0.0.1 --http-port="$HTTP_PORT" \
        --pidfile="$ODOO_PIDFILE" --logfile="$ODOO_LOG") </dev/null >/dev/null 2>&1 &
    pid=$!
    if ! wait_http "$url" "$pid"; then
        tail -n 30 "$ODOO_LOG" >&2 || true
        kill "$pid" 2>/dev/null || true
        die "Odoo did not answer on $url/web/login (log: $ODOO_LOG)"
    fi
    server_pid >/dev/null || echo "$pid" >"$ODOO_PIDFILE"
    print_logins "$url"
}

# --- tests -----------------------------------------------------------------
# The addons the suite depends on (outside the suite), and a key that changes
# with them, with Odoo's version and with the installed OCA addon wheels.
deps_and_key() {
    py - "$ADDONS_DIR" "$ADDONS" <<'PY'
import ast, hashlib, pathlib, sys
from importlib import metadata
root, suite = pathlib.Path(sys.argv[1]), set(sys.argv[2].split(","))
deps = set()
for name in suite:
    manifest = ast.literal_eval((root / name / "__manifest__.py").read_text("utf-8"))
    deps.update(manifest.get("depends", []))
deps = sorted(deps - suite) or ["base"]
versions = sorted(
    f"{d.metadata['Name']}=={d.version}"
    for d in metadata.distributions()
    if (d.metadata["Name"] or "").lower().replace("_", "-").startswith(("odoo-addon-", "odoo"))
)
key = hashlib.sha1("\n".join(deps + versions).encode()).hexdigest()[:10]
print(",".join(deps), key)
PY
}

# Create $TEST_DB: a copy of a cached database holding the suite's
# dependencies (built once per deps_and_key), then the suite addons on top.
# OH_TEST_CACHE=0 (the default when CI=true) installs everything from scratch.
create_test_db() {
    local log="$LOCAL/test-install.log"
    if [ "${OH_TEST_CACHE:-$([ "${CI:-}" = true ] && echo 0 || echo 1)}" = 0 ]; then
        install_addons "$TEST_DB" "$ADDONS" "$log" --without-demo=all
        return
    fi
    local deps key cache stale
    read -r deps key < <(deps_and_key)
    cache="${TEST_DB}_deps_$key"
    if ! db_initialized "$cache" || [ -n "$(missing_addons "$cache" "$deps")" ]; then
        for stale in $(sql -c "SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB}_deps_%'"); do
            drop_db "$stale"
        done
        say "caching the suite's dependencies in $cache (once; OH_TEST_CACHE=0 to skip)"
        install_addons "$cache" "$deps" "$LOCAL/test-deps-install.log" --without-demo=all
    fi
    createdb -T "$cache" "$TEST_DB"
    if [ -d "$LOCAL/filestore/filestore/$cache" ]; then
        mkdir -p "$LOCAL/filestore/filestore"
        cp -a "$LOCAL/filestore/filestore/$cache" "$LOCAL/filestore/filestore/$TEST_DB"
    fi
    install_addons "$TEST_DB" "$ADDONS" "$log" --without-demo=all
}

cmd_test() {
    setup test
    local start=$SECONDS dirs=() addon
    drop_db "$TEST_DB"
    create_test_db
    for addon in ${ADDONS//,/ }; do
        dirs+=("$ADDONS_DIR/$addon")
    done
    # our own (empty) pytest config: an addon's pyproject.toml is not one
    printf '[pytest]\n' >"$LOCAL/pytest.ini"
    say "pytest over ${ADDONS//,/ } (setup and database: $((SECONDS - start)) s)"
    local rc=0
    (cd "$ROOT" && "$PYTHON" -m pytest -c "$LOCAL/pytest.ini" --rootdir="$ADDONS_DIR" \
        -p no:cacheprovider --odoo-database="$TEST_DB" --odoo-config="$ODOO_CONF" \
        --odoo-http "${dirs[@]}") || rc=$?
    if [ "$rc" -eq 5 ]; then
        echo "ERROR: pytest collected no test: every addon must have tests" >&2
        exit 1
    fi
    # -u of every addon and uninstall/reinstall of the leaves on a database
    # with demo data (OH_UPGRADE_CHECK=0 skips it)
    local upgrade_rc=0
    if [ "${OH_UPGRADE_CHECK:-1}" != 0 ]; then
        bash "$ROOT/tools/upgrade_check.sh" || upgrade_rc=$?
    fi
    # the addons cut along the dependency tree install and pass their tests
    # alone (OH_MATRIX_CHECK=0 skips it)
    local matrix_rc=0
    if [ "${OH_MATRIX_CHECK:-1}" != 0 ]; then
        bash "$ROOT/tools/matrix_check.sh" || matrix_rc=$?
    fi
    # Odoo's and OCA's own tests of the modules the suite extends, with every
    # suite addon installed in its defaults (OH_COMPAT_CHECK=0 skips it)
    local compat_rc=0
    if [ "${OH_COMPAT_CHECK:-1}" != 0 ]; then
        bash "$ROOT/tools/compat_check.sh" || compat_rc=$?
    fi
    [ "$rc" -ne 0 ] && exit "$rc"
    [ "$upgrade_rc" -ne 0 ] && exit "$upgrade_rc"
    [ "$matrix_rc" -ne 0 ] && exit "$matrix_rc"
    exit "$compat_rc"
}

# --- stop / status ---------------------------------------------------------
cmd_stop() {
    local pid
    if pid=$(server_pid); then
        say "stopping Odoo (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        rm -f "$ODOO_PIDFILE"
    else
        say "Odoo is not running"
    fi
    bash "$ROOT/tools/pg.sh" stop
}

cmd_status() {
    local pid
    if pid=$(server_pid); then
        say "Odoo runs (pid $pid) at $(server_url "$pid")"
    else
        say "Odoo is not running"
    fi
    bash "$ROOT/tools/pg.sh" status
}

case "${1:-}" in
demo) cmd_demo ;;
test) cmd_test ;;
stop) cmd_stop ;;
status) cmd_status ;;
addons) suite_addons ;;
*) die "usage: tools/odoo.sh demo|test|stop|status|addons" ;;
esac

# shellcheck shell=bash
# Shared helpers for the tools/*.sh scripts (sourced, not run).
#
# Defines the repository paths, messages, the list of suite addons and
# the settings every script agrees on. Everything a script creates lives in
# .local/ (ignored by git), so that two checkouts never share state.
#
# Environment overrides (all optional):
#   OH_ADDONS_DIR   folder scanned for addons (default: the repository root)
#   OH_ADDONS       comma-separated addons to install/test instead of all of them
#   OH_PGPORT       port of the local PostgreSQL cluster (default 5433)
#   OH_HTTP_PORT    port of the demo server (default 8069)
#   OH_UPGRADE_DB   database of tools/upgrade_check.sh (default order_handling_upgrade)
#   PYTHON          Python interpreter (default python3)

# shellcheck disable=SC2034 # settings used by the scripts that source this file
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
LOCAL="$ROOT/.local"
PYTHON=${PYTHON:-python3}
ADDONS_DIR=$(cd "${OH_ADDONS_DIR:-$ROOT}" && pwd -P)
ODOO_CONF="$LOCAL/odoo.conf"
PG_ENV="$LOCAL/pg.env"
DEMO_DB=order_handling_demo
TEST_DB=order_handling_test
UPGRADE_DB=${OH_UPGRADE_DB:-order_handling_upgrade}
HTTP_PORT=${OH_HTTP_PORT:-8069}
ODOO_PIDFILE="$LOCAL/odoo.pid"
ODOO_LOG="$LOCAL/odoo.log"

mkdir -p "$LOCAL"

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run Python outside the repository, so that nothing in it shadows a package.
py() { (cd / && "$PYTHON" "$@"); }

# The suite's addons: every folder of ADDONS_DIR holding a __manifest__.py
# that is installable, comma-separated (or OH_ADDONS when set).
suite_addons() {
    if [ -n "${OH_ADDONS:-}" ]; then
        printf '%s\n' "$OH_ADDONS"
        return
    fi
    py - "$ADDONS_DIR" <<'PY'
import ast, pathlib, sys
names = []
for manifest in sorted(pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")):
    try:
        data = ast.literal_eval(manifest.read_text(encoding="utf-8"))
    except (SyntaxError, ValueError) as exc:
        sys.exit(f"ERROR: {manifest} does not parse: {exc}")
    if data.get("installable", True):
        names.append(manifest.parent.name)
print(",".join(names))
PY
}

# Load the PostgreSQL connection written by tools/pg.sh (PGHOST, PGPORT,
# PGUSER, PGPASSWORD exported for psql/createdb/dropdb).
load_pg_env() {
    [ -f "$PG_ENV" ] || die "no $PG_ENV: run tools/pg.sh start first"
    # shellcheck disable=SC1090
    . "$PG_ENV"
    export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE=postgres
}

# psql returning bare values, quiet, stopping on the first error.
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

db_exists() {
    [ "$(sql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# Is something listening on 127.0.0.1:$1 ?
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# apt-get install, as root only; `apt-get update` once per run first.
APT_UPDATED=
apt_install() {
    is_root || return 1
    if [ -z "$APT_UPDATED" ]; then
        say "apt-get update"
        apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

deb_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# Odoo itself, run by the same interpreter as everything else.
odoo_cmd() { (cd "$ROOT" && "$PYTHON" -m odoo "$@"); }

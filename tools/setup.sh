#!/usr/bin/env bash
# Prepare this machine to run the suite: Odoo 18, the Python requirements,
# the Debian packages, PostgreSQL and .local/odoo.conf.
#
# Usage: tools/setup.sh [test|demo|lint]
#   test  everything; a missing Debian package is an error (browser/PDF tests)
#   demo  everything; a missing Debian package is only a warning
#   lint  only the lint tools of requirements-dev.txt
#
# Each step is a quick no-op when already done. Environment:
#   ODOO_SOURCE  where to install Odoo 18 from when `import odoo` fails: a source
#                tree folder, or a .tar.gz/.zip archive path or URL
#                (default: Odoo's official 18.0 nightly source archive)
#   PGHOST/PGPORT/PGUSER  an existing PostgreSQL server to use (see tools/pg.sh)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=${1:-test}
DEFAULT_ODOO_SOURCE=https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz
# poppler-utils: pdftotext/pdfinfo of the PDF report tests (which fail without them)
DEBIAN_PACKAGES=(wkhtmltopdf chromium fonts-noto-cjk poppler-utils)

PY_VERSION=$(py -c 'import sys; print("%d.%d" % sys.version_info[:2])')
CONSTRAINTS="$ROOT/tools/odoo-constraints-py$PY_VERSION.txt"

need_constraints() {
    [ -f "$CONSTRAINTS" ] || die "no pins of Odoo's requirements for Python $PY_VERSION \
($CONSTRAINTS). Use Python 3.11 (PYTHON=python3.11), or write that file from Odoo 18's \
requirements.txt evaluated for Python $PY_VERSION."
}

pip_install() {
    need_constraints
    local rc=0 log="$LOCAL/pip.log"
    py -m pip install --quiet --disable-pip-version-check -c "$CONSTRAINTS" "$@" >"$log" 2>&1 ||
        rc=$?
    grep -vE "^WARNING: (Location .* is ignored|Running pip as the 'root' user)" "$log" || true
    return "$rc"
}

odoo_ok() {
    py -c 'import odoo.tools, odoo.release; assert odoo.release.version_info[0] == 18' \
        >/dev/null 2>&1
}

# --- Odoo 18 ---------------------------------------------------------------
ensure_odoo() {
    odoo_ok && return 0
    local source=${ODOO_SOURCE:-$DEFAULT_ODOO_SOURCE}
    local hint="Set ODOO_SOURCE to an Odoo 18.0 Community source tree (the folder \
holding setup.py and odoo/, e.g. ODOO_SOURCE=/opt/odoo-src) or to its source archive \
(.tar.gz/.zip path or URL), then run this again."
    say "Odoo 18 is not importable by $PYTHON: installing it from $source (takes minutes)"
    need_constraints
    if [[ $source != *://* ]]; then
        [ -e "$source" ] || die "ODOO_SOURCE=$source does not exist. $hint"
        source=$(readlink -f "$source")
        if [ -d "$source" ] && ! [ -f "$source/setup.py" ] && ! [ -f "$source/pyproject.toml" ]; then
            die "$source is not an Odoo source tree (no setup.py). $hint"
        fi
    fi
    # Not editable: OCA addon wheels install into site-packages/odoo/addons,
    # which would shadow an editable odoo package.
    if ! pip_install "$source"; then
        die "installing Odoo from $source failed (see pip's output above). $hint"
    fi
    odoo_ok || die "Odoo was installed from $source but is not Odoo 18 \
(python -c 'import odoo.tools' fails or reports another version). $hint"
}

# --- Python requirements ---------------------------------------------------
# True when every requirement of the given files is installed (no network).
requirements_met() {
    py - "$@" <<'PY'
import sys
from importlib import metadata
try:
    from packaging.requirements import Requirement
except ImportError:
    sys.exit(1)
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            sys.exit(1)
        if not req.specifier.contains(version, prereleases=True):
            sys.exit(1)
PY
}

ensure_requirements() {
    local file
    for file in "$@"; do
        if ! requirements_met "$file"; then
            say "installing Python requirements of $(basename "$file")"
            pip_install -r "$file" || die "pip could not install $file (see above)"
            requirements_met "$file" || die "$file is still not satisfied after pip install"
        fi
    done
}

# --- Debian packages -------------------------------------------------------
ensure_debian_packages() {
    command -v dpkg-query >/dev/null || {
        warn "not a Debian system: make sure ${DEBIAN_PACKAGES[*]} are installed"
        return 0
    }
    local missing=() pkg
    for pkg in "${DEBIAN_PACKAGES[@]}"; do
        deb_installed "$pkg" || missing+=("$pkg")
    done
    command -v psql >/dev/null && command -v pg_isready >/dev/null || missing+=(postgresql-client)
    [ ${#missing[@]} -eq 0 ] && return 0
    if apt_install "${missing[@]}"; then
        return 0
    fi
    local msg="missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
    if [ "$MODE" = test ] || [[ " ${missing[*]} " == *" postgresql-client "* ]]; then
        die "$msg; the browser and PDF tests need them"
    fi
    warn "$msg; PDF reports and browser features will not work"
}

# --- .local/odoo.conf ------------------------------------------------------
write_odoo_conf() {
    load_pg_env
    local passwd_file="$LOCAL/admin_passwd"
    if [ ! -s "$passwd_file" ]; then
        py -c 'import secrets; print(secrets.token_urlsafe(18))' >"$passwd_file"
        chmod 600 "$passwd_file"
    fi
    mkdir -p "$LOCAL/filestore"
    local tmp="$ODOO_CONF.tmp"
    cat >"$tmp" <<EOF
; Generated by tools/setup.sh: edit the script, not this file.
[options]
; only the suite: core and pip-installed OCA addons live in odoo/addons
addons_path = $ADDONS_DIR
data_dir = $LOCAL/filestore
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = ${PGPASSWORD:-False}
admin_passwd = $(cat "$passwd_file")
http_interface = 127.0.0.1
http_port = $HTTP_PORT
list_db = False
; demo data is loaded when a database is created; tests pass --without-demo=all
without_demo = False
max_cron_threads = 1
EOF
    if ! cmp -s "$tmp" "$ODOO_CONF" 2>/dev/null; then
        mv "$tmp" "$ODOO_CONF"
    else
        rm -f "$tmp"
    fi
}

main() {
    local start=$SECONDS
    if [ "$MODE" = lint ]; then
        ensure_requirements "$ROOT/requirements-dev.txt"
        return
    fi
    ensure_debian_packages
    ensure_odoo
    ensure_requirements "$ROOT/requirements.txt"
    bash "$ROOT/tools/pg.sh" start
    write_odoo_conf
    say "setup done in $((SECONDS - start)) s (Odoo $(py -c 'import odoo.release; print(odoo.release.version)'), \
PostgreSQL at $PGHOST:$PGPORT as $PGUSER)"
}

case "$MODE" in
test | demo | lint) main ;;
*) die "usage: tools/setup.sh [test|demo|lint]" ;;
esac

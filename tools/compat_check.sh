#!/usr/bin/env bash
# Odoo's and OCA's own tests of the modules the suite extends, run unmodified
# on a database where every suite addon is installed with its defaults
# (nothing switched on): installing the suite must change nothing (issue 16).
#
# Usage: tools/compat_check.sh [--baseline]   (run by `make test` after the
#        upgrade check; OH_COMPAT_CHECK=0 skips it there)
#   (default)   a fresh database $COMPAT_DB with the modules of COMPAT_MODULES
#               and every suite addon, no demo data; then
#               `odoo --test-enable --test-tags /<module>,…` on it. Fails when a
#               test fails that is not in tools/compat-baseline.txt.
#   --baseline  the same modules without the suite: prints the failing tests,
#               which is how tools/compat-baseline.txt was measured.
# Both runs print Odoo's summary line ("N failed, M error(s) of K tests").
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# What a company selling, stocking, buying and manufacturing runs next to the
# suite, and the OCA modules the suite builds on.
COMPAT_MODULES=${OH_COMPAT_MODULES:-sale_stock,sale_tier_validation,rma_sale,sale_management,purchase_stock,sale_mrp}
COMPAT_DB=${OH_COMPAT_DB:-order_handling_compat}
BASELINE_FILE="$ROOT/tools/compat-baseline.txt"
COMPAT_PORT=${OH_COMPAT_PORT:-8099}

load_pg_env
[ -f "$ODOO_CONF" ] || die "no $ODOO_CONF: run tools/setup.sh test first"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$LOCAL/xdg-runtime}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

mode=suite
[ "${1:-}" = --baseline ] && mode=baseline
db=$COMPAT_DB
install=$COMPAT_MODULES
if [ "$mode" = suite ]; then
    install="$install,$(suite_addons)"
else
    db="${COMPAT_DB}_baseline"
fi
log_install="$LOCAL/compat-$mode-install.log"
log_tests="$LOCAL/compat-$mode-tests.log"
start=$SECONDS

if db_exists "$db"; then dropdb --force "$db"; fi
rm -rf "$LOCAL/filestore/filestore/$db"
say "compatibility ($mode): installing $install into $db (log: ${log_install#"$ROOT/"})"
if ! odoo_cmd -c "$ODOO_CONF" -d "$db" -i "$install" --without-demo=all --stop-after-init \
    --no-http --log-level=warn >"$log_install" 2>&1; then
    tail -n 40 "$log_install" >&2
    die "compatibility: installing into $db failed (log: $log_install)"
fi

tags=$(tr , '\n' <<<"$COMPAT_MODULES" | sed 's|^|/|' | paste -sd,)
say "compatibility ($mode): Odoo's and OCA's own tests $tags (log: ${log_tests#"$ROOT/"})"
odoo_cmd -c "$ODOO_CONF" -d "$db" --test-enable --test-tags "$tags" --stop-after-init \
    --http-interface=127.0.0.1 --http-port="$COMPAT_PORT" --log-level=test \
    >"$log_tests" 2>&1 || true
summary=$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$log_tests" | tail -n 1 || true)
[ -n "$summary" ] || {
    tail -n 40 "$log_tests" >&2
    die "compatibility: the test run printed no summary (log: $log_tests)"
}
# "FAIL: TestClass.test_name" / "ERROR: TestClass.test_name" of Odoo's runner,
# and "ERROR: setUpClass (odoo.addons.<module>.tests.<file>.TestClass)" for a
# class whose set-up failed (written "TestClass.setUpClass")
failed=$(
    {
        grep -oE '(FAIL|ERROR): Test[A-Za-z0-9_]+\.test_[A-Za-z0-9_]+' "$log_tests" |
            sed -E 's/^(FAIL|ERROR): //'
        grep -oE 'ERROR: setUpClass \([A-Za-z0-9_.]+\)' "$log_tests" |
            sed -E 's/.*\.([A-Za-z0-9_]+)\)$/\1.setUpClass/'
    } | sort -u || true
)
dropdb --force "$db" >/dev/null 2>&1 || true
rm -rf "$LOCAL/filestore/filestore/$db"

echo "compatibility ($mode): $summary ($((SECONDS - start)) s)"
if [ "$mode" = suite ]; then
    # the same tests on plain Odoo, as measured for the baseline file
    echo "compatibility (plain Odoo, $(basename "$BASELINE_FILE")):" \
        "$(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$BASELINE_FILE" | head -n 1)"
fi
if [ "$mode" = baseline ]; then
    printf '%s\n' "$failed" | sed '/^$/d'
    exit 0
fi
expected=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$BASELINE_FILE" | sort -u)
new=$(comm -23 <(printf '%s\n' "$failed" | sed '/^$/d') <(printf '%s\n' "$expected"))
if [ -n "$new" ]; then
    echo "compatibility: these tests fail with the suite installed and not on plain Odoo:" >&2
    printf '  %s\n' $new >&2
    grep -nE '^(FAIL|ERROR): ' "$log_tests" | head -n 20 >&2 || true
    die "compatibility check failed (log: $log_tests)"
fi
echo "compatibility: no test fails beyond the baseline of plain Odoo (tools/compat-baseline.txt)"

#!/usr/bin/env bash
# The suite's addons can be cut along the integrator guide's dependency tree:
# each combination below installs on a database of its own, without the
# addons it must not need, and its own tests pass there.
#
# Usage: tools/matrix_check.sh [NAME...]   (run by `make test` after the
#        upgrade check; OH_MATRIX_CHECK=0 skips it; needs tools/setup.sh)
#
#   intake-review  sale_order_intake + sale_order_review, without governance
#   governance     sale_order_governance, without the archive
#   archive        sale_order_archive, without governance (approvals)
#   care           sale_customer_care, without intake
#   targets        sale_target_breakdown, without stock (Inventory)
#
# Each database starts empty (no cached dependencies: the point is what gets
# installed) and is dropped at the end. The last line is a summary; the exit
# status is non-zero when a combination does not install, installs what it
# must not, or fails its tests.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

load_pg_env
[ -f "$ODOO_CONF" ] || die "no $ODOO_CONF: run tools/setup.sh test first"
WORK="$LOCAL/matrix-check"
rm -rf "$WORK"
mkdir -p "$WORK"
printf '[pytest]\n' >"$WORK/pytest.ini"

# name | addons installed | addons that must stay uninstalled | tests run
COMBINATIONS=(
    "intake-review|sale_order_intake,sale_order_review|sale_order_governance,sale_order_archive,sale_engineering_plan|sale_order_intake sale_order_review"
    "governance|sale_order_governance|sale_order_archive|sale_order_governance"
    "archive|sale_order_archive|sale_order_governance,sale_tier_validation|sale_order_archive"
    "care|sale_customer_care|sale_order_intake|sale_customer_care"
    "targets|sale_target_breakdown|stock,sale_stock,sale_order_intake|sale_target_breakdown"
)

failed=()
passed=()
start=$SECONDS
for combination in "${COMBINATIONS[@]}"; do
    IFS='|' read -r name addons absent tests <<<"$combination"
    if [ "$#" -gt 0 ] && [[ " $* " != *" $name "* ]]; then
        continue
    fi
    db="order_handling_matrix_${name//-/_}"
    log="$WORK/$name"
    say "matrix: $name — install $addons"
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    createdb "$db"
    if ! odoo_cmd -c "$ODOO_CONF" -d "$db" -i "$addons" --without-demo=all \
        --stop-after-init --no-http >"$log-install.log" 2>&1; then
        tail -n 30 "$log-install.log" >&2
        failed+=("$name (install)")
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        continue
    fi
    installed=$(sql -d "$db" -c "SELECT name FROM ir_module_module
        WHERE state = 'installed' AND name = ANY(string_to_array('$absent', ','))")
    if [ -n "$installed" ]; then
        echo "matrix: $name installed what it must not need: $installed" >&2
        failed+=("$name (installs $(echo "$installed" | tr '\n' ' '))")
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        continue
    fi
    dirs=()
    for addon in $tests; do
        dirs+=("$ADDONS_DIR/$addon")
    done
    if (cd "$ROOT" && "$PYTHON" -m pytest -c "$WORK/pytest.ini" --rootdir="$ADDONS_DIR" \
        -p no:cacheprovider --odoo-database="$db" --odoo-config="$ODOO_CONF" \
        -q "${dirs[@]}" >"$log-tests.log" 2>&1); then
        passed+=("$name")
    else
        tail -n 40 "$log-tests.log" >&2
        failed+=("$name (tests: $log-tests.log)")
    fi
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
done

summary="matrix check: ${#passed[@]} combination(s) passed${passed:+ (${passed[*]})}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "$summary; FAILED: ${failed[*]} ($((SECONDS - start)) s)"
    exit 1
fi
echo "$summary ($((SECONDS - start)) s)"

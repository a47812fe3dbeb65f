#!/usr/bin/env bash
# Upgrade and uninstall check of the suite on a database full of data.
#
# Usage: tools/upgrade_check.sh   (run by `make test` after pytest; needs
#        tools/setup.sh to have run: .local/odoo.conf and .local/pg.env)
#
# 1. A fresh database $UPGRADE_DB with every suite addon and their demo data.
# 2. Snapshot (tools/upgrade_check.py): row counts of the tables of every
#    model a suite addon defines or extends, and the distribution of their
#    state/stage/active columns.
# 3. `odoo -u <every suite addon> --stop-after-init`, snapshot again: the two
#    snapshots must be equal.
# 4. Uninstall the leaf addons (LEAVES) with button_immediate_uninstall: their
#    tables and columns must be gone, every other table holds the same rows
#    (less the records the leaves created themselves).
# 5. Install them again: their tables and columns are back and the snapshot
#    equals the first one.
# The last line is a summary; the exit status is non-zero on any difference.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LEAVES=${OH_UPGRADE_LEAVES:-sale_order_intel_crm,sale_engineering_plan_mrp}
WORK="$LOCAL/upgrade-check"

load_pg_env
ADDONS=$(suite_addons)
[ -f "$ODOO_CONF" ] || die "no $ODOO_CONF: run tools/setup.sh test first"
rm -rf "$WORK"
mkdir -p "$WORK"
start=$SECONDS

helper() { py "$ROOT/tools/upgrade_check.py" "$@"; }

# run_odoo STEP [odoo options]: odoo ... --stop-after-init on $UPGRADE_DB,
# log in $WORK/STEP.log, failing on a non-zero exit or an ERROR logged.
run_odoo() {
    local step=$1 log="$WORK/$1.log" errors
    shift
    if ! odoo_cmd -c "$ODOO_CONF" -d "$UPGRADE_DB" --stop-after-init --no-http \
        --log-level=info "$@" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "upgrade check: $step failed (log: $log)"
    fi
    errors=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" || true)
    if [ -n "$errors" ]; then
        printf '%s\n' "$errors" | head -n 40 >&2
        die "upgrade check: Odoo logged errors during $step (log: $log)"
    fi
}

# Everything stored in the database: the same rows before and after.
expect_same() { # expect_same WHAT SNAPSHOT_A SNAPSHOT_B [OWNED]
    if ! helper compare "$2" "$3" ${4:+"$4"}; then
        die "upgrade check: $1 changed the data (differences above)"
    fi
}

installed_state() { # the state of module $1 in $UPGRADE_DB
    sql -d "$UPGRADE_DB" -c "SELECT state FROM ir_module_module WHERE name = '$1'"
}

# 1. the database, with demo data
if db_exists "$UPGRADE_DB"; then
    dropdb --force "$UPGRADE_DB"
fi
rm -rf "$LOCAL/filestore/filestore/$UPGRADE_DB"
say "upgrade check: installing $ADDONS with demo data into $UPGRADE_DB"
run_odoo install -i "$ADDONS"
[ "$(sql -d "$UPGRADE_DB" -c "SELECT demo FROM ir_module_module WHERE name = 'order_handling_base'")" = t ] ||
    die "upgrade check: $UPGRADE_DB has no demo data"
install_time=$((SECONDS - start))

# 2-3. upgrade
helper snapshot "$UPGRADE_DB" "$ADDONS" "$WORK/before.json" >"$WORK/before.txt"
run_odoo upgrade -u "$ADDONS"
helper snapshot "$UPGRADE_DB" "$ADDONS" "$WORK/upgraded.json" "$WORK/before.json" >/dev/null
expect_same "-u $ADDONS" "$WORK/before.json" "$WORK/upgraded.json"

# 4. uninstall the leaves (and what depends on them)
helper owned "$UPGRADE_DB" "$LEAVES" "$WORK/owned.json" >"$WORK/owned.txt"
uninstall_py="$WORK/uninstall.py"
cat >"$uninstall_py" <<EOF
modules = env["ir.module.module"].search([("name", "in", "$LEAVES".split(","))])
assert len(modules) == len("$LEAVES".split(",")), modules.mapped("name")
modules.button_immediate_uninstall()
env.cr.commit()
EOF
if ! odoo_cmd shell -c "$ODOO_CONF" -d "$UPGRADE_DB" --no-http --log-level=warn \
    <"$uninstall_py" >"$WORK/uninstall.log" 2>&1; then
    tail -n 40 "$WORK/uninstall.log" >&2
    die "upgrade check: uninstalling $LEAVES failed (log: $WORK/uninstall.log)"
fi
dependents=$(sql -d "$UPGRADE_DB" -c "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module
    WHERE name = ANY(string_to_array('$ADDONS', ',')) AND state <> 'installed'")
for leaf in ${LEAVES//,/ }; do
    [ "$(installed_state "$leaf")" = uninstalled ] || die "upgrade check: $leaf is not uninstalled"
done
if ! helper gone "$UPGRADE_DB" "$WORK/owned.json"; then
    die "upgrade check: uninstalling $LEAVES left tables/columns behind"
fi
helper snapshot "$UPGRADE_DB" "$ADDONS" "$WORK/uninstalled.json" "$WORK/before.json" >/dev/null
expect_same "uninstalling $LEAVES" "$WORK/before.json" "$WORK/uninstalled.json" "$WORK/owned.json"

# 5. install them again (with what the uninstall took along)
run_odoo reinstall -i "$dependents"
missing=$(sql -d "$UPGRADE_DB" -c "SELECT string_agg(name, ',') FROM ir_module_module
    WHERE name = ANY(string_to_array('$ADDONS', ',')) AND state <> 'installed'")
[ -z "$missing" ] || die "upgrade check: not installed again: $missing"
if ! helper present "$UPGRADE_DB" "$WORK/owned.json"; then
    die "upgrade check: reinstalling $LEAVES did not bring back their tables/columns"
fi
helper snapshot "$UPGRADE_DB" "$ADDONS" "$WORK/reinstalled.json" "$WORK/before.json" >/dev/null
expect_same "reinstalling $dependents" "$WORK/before.json" "$WORK/reinstalled.json"

say "upgrade check passed in $((SECONDS - start)) s (install with demo ${install_time} s): \
$(cat "$WORK/before.txt") unchanged by -u; $(cat "$WORK/owned.txt"), gone after uninstall, back after reinstalling $dependents"

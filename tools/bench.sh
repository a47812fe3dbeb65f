#!/usr/bin/env bash
# `make bench`: performance and robustness measures of the suite (bench/).
#
# Usage: tools/bench.sh [SCALE]   SCALE: small | full (default) | a number of
#                                 reporting orders (e.g. 5000)
#   Same setup as `make test` (tools/setup.sh, this checkout's PostgreSQL),
#   then a fresh database order_handling_bench (dropped and recreated each
#   run, from a cached copy of the suite's dependencies) with every suite
#   addon and no demo data, then bench/run.py: generator, measures, table,
#   bench/results.json. The concurrency measure starts its own Odoo with
#   --workers=4 on 127.0.0.1:${OH_BENCH_PORT:-8369} (stopped at the end).
#   Never run by `make test` or CI.
#   BENCH_ONLY=1 (or 1,2 …) runs only those measures and merges them into the
#   existing bench/results.json, whose other measures keep their own date.
#   BENCH_CLUSTER=1 adds measure 6 (bench/cluster_run.py, issue 19): measure
#   4's clients through nginx on `make cluster` (two nodes vs one node of the
#   same workers, then failover), merged into bench/results.json under
#   "cluster"; the cluster is stopped at the end. BENCH_CLUSTER=1 BENCH_ONLY=6
#   runs measure 6 alone (no bench database on this checkout's PostgreSQL).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCALE=${1:-${SCALE:-full}}
BENCH_DB=order_handling_bench
BENCH_PORT=${OH_BENCH_PORT:-8369}
LOG="$LOCAL/bench-install.log"

bash "$ROOT/tools/setup.sh" test
if [ "${BENCH_CLUSTER:-}" = 1 ] && [ "${BENCH_ONLY:-}" = 6 ]; then
    cd "$ROOT"
    exec "$PYTHON" "$ROOT/bench/cluster_run.py" --out "$ROOT/bench/results.json"
fi
load_pg_env
ADDONS=$(suite_addons)
[ -n "$ADDONS" ] || die "no addon in $ADDONS_DIR"
port_busy "$BENCH_PORT" && die "port $BENCH_PORT is taken: set OH_BENCH_PORT to a free port"
port_busy $((BENCH_PORT + 3)) && die "port $((BENCH_PORT + 3)) (gevent) is taken: set OH_BENCH_PORT"

drop_db() {
    if db_exists "$1"; then dropdb --force "$1"; fi
    rm -rf "$LOCAL/filestore/filestore/$1"
}

# odoo -i ADDONS into DB, checked (every addon installed, no ERROR logged)
install_into() {
    local db=$1 addons=$2 log=$3
    say "installing into $db: $addons (log: ${log#"$ROOT/"})"
    if ! odoo_cmd -c "$ODOO_CONF" -d "$db" -i "$addons" --stop-after-init --no-http \
        --without-demo=all --log-level=warn >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "installing $addons into $db failed (full log: $log)"
    fi
    if grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -n 20 >&2
        die "Odoo logged errors while installing into $db (full log: $log)"
    fi
}

# The suite's outside dependencies and a key of them + installed Odoo/OCA versions
read -r DEPS KEY < <(py - "$ADDONS_DIR" "$ADDONS" <<'PY'
import ast, hashlib, pathlib, sys
from importlib import metadata
root, suite = pathlib.Path(sys.argv[1]), set(sys.argv[2].split(","))
deps = set()
for name in suite:
    deps.update(ast.literal_eval((root / name / "__manifest__.py").read_text("utf-8")).get("depends", []))
deps = sorted(deps - suite) or ["base"]
versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()
                  if (d.metadata["Name"] or "").lower().startswith("odoo"))
print(",".join(deps), hashlib.sha1("\n".join(deps + versions).encode()).hexdigest()[:10])
PY
)
CACHE="${BENCH_DB}_deps_$KEY"
start=$SECONDS
drop_db "$BENCH_DB"
if ! db_exists "$CACHE" || [ "$(sql -d "$CACHE" -c "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name='base'" 2>/dev/null)" != 1 ]; then
    for stale in $(sql -c "SELECT datname FROM pg_database WHERE datname LIKE '${BENCH_DB}_deps_%'"); do
        drop_db "$stale"
    done
    say "caching the suite's dependencies in $CACHE (once)"
    install_into "$CACHE" "$DEPS" "$LOCAL/bench-deps-install.log"
fi
createdb -T "$CACHE" "$BENCH_DB"
if [ -d "$LOCAL/filestore/filestore/$CACHE" ]; then
    mkdir -p "$LOCAL/filestore/filestore"
    cp -a "$LOCAL/filestore/filestore/$CACHE" "$LOCAL/filestore/filestore/$BENCH_DB"
fi
install_into "$BENCH_DB" "$ADDONS" "$LOG"
say "database $BENCH_DB ready in $((SECONDS - start)) s"

cd "$ROOT"
ONLY_ARGS=()
if [ -n "${BENCH_ONLY:-}" ]; then
    ONLY_ARGS=(--only "$BENCH_ONLY" --merge)
fi
if [ "${BENCH_CLUSTER:-}" != 1 ]; then
    exec "$PYTHON" "$ROOT/bench/run.py" -c "$ODOO_CONF" -d "$BENCH_DB" --scale "$SCALE" \
        --port "$BENCH_PORT" --out "$ROOT/bench/results.json" ${ONLY_ARGS[@]+"${ONLY_ARGS[@]}"}
fi
rc=0
"$PYTHON" "$ROOT/bench/run.py" -c "$ODOO_CONF" -d "$BENCH_DB" --scale "$SCALE" \
    --port "$BENCH_PORT" --out "$ROOT/bench/results.json" ${ONLY_ARGS[@]+"${ONLY_ARGS[@]}"} || rc=$?
say "6. cluster (BENCH_CLUSTER=1): make cluster, measure 4's clients through nginx"
"$PYTHON" "$ROOT/bench/cluster_run.py" --out "$ROOT/bench/results.json" || rc=$?
exit "$rc"

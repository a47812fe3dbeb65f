#!/usr/bin/env bash
# Lint of the whole repository, offline: ruff (check + format) and pylint with
# pylint-odoo's mandatory checks (.pylintrc) over every suite addon.
#
# Usage: tools/lint.sh          check only; exit 1 when anything is reported
#        tools/lint.sh --fix    ruff format + ruff check --fix (make format)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/tools/setup.sh" lint
cd "$ROOT"

if [ "${1:-}" = --fix ]; then
    "$PYTHON" -m ruff format .
    "$PYTHON" -m ruff check --fix .
    exit 0
fi

failed=()
say "ruff check"
"$PYTHON" -m ruff check --no-fix --output-format=concise . || failed+=("ruff check")
say "ruff format --check"
"$PYTHON" -m ruff format --check . || failed+=("ruff format (run: make format)")

addons=$(OH_ADDONS='' suite_addons)
if [ -n "$addons" ]; then
    say "pylint-odoo on ${addons//,/ }"
    IFS=, read -ra names <<<"$addons"
    colors=()
    [ -t 1 ] && colors=(--output-format=colorized)
    "$PYTHON" -m pylint --rcfile="$ROOT/.pylintrc" "${colors[@]}" "${names[@]/#/$ADDONS_DIR/}" ||
        failed+=("pylint-odoo")
else
    say "pylint-odoo: no addon yet"
fi

if [ ${#failed[@]} -gt 0 ]; then
    printf 'lint FAILED:' >&2
    printf ' [%s]' "${failed[@]}" >&2
    printf '\n' >&2
    exit 1
fi
say "lint passed"

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Snapshots of a database of the suite, for tools/upgrade_check.sh.

    upgrade_check.py snapshot DB ADDONS FILE [REF]
                                               write a snapshot (JSON) to FILE
                                               (of the tables of snapshot REF)
    upgrade_check.py owned DB LEAVES FILE      tables/columns owned only by LEAVES
    upgrade_check.py gone DB OWNED             exit 1 when a table/column of
                                               OWNED is still in the database
    upgrade_check.py present DB OWNED          exit 1 when one is missing
    upgrade_check.py compare A B [OWNED]       exit 1 when the snapshots differ
                                               (tables of OWNED left out)

A snapshot holds, for every table of a model that an addon of ADDONS (comma
list) defines or extends (``ir.model.data`` ``model_*`` records of the
addon), its row count and the distribution of its state/stage columns
(``state``, ``*_state``, ``stage``, ``*_stage``, ``stage_id``,
``*_stage_id``, ``active``). The
PostgreSQL connection comes from the PG* environment variables.
"""

import json
import sys

import psycopg2

STATE_COLUMNS = """
    SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = %s
       AND (column_name IN ('state', 'stage', 'stage_id', 'active')
            OR column_name LIKE '%%\\_state' OR column_name LIKE '%%\\_stage'
            OR column_name LIKE '%%\\_stage\\_id')
     ORDER BY column_name
"""


def connect(db):
    return psycopg2.connect(dbname=db)


def tables_of(cr, addons):
    """``{table: model}`` of the models the addons define or extend."""
    cr.execute(
        """SELECT DISTINCT m.model FROM ir_model_data d
             JOIN ir_model m ON m.id = d.res_id
            WHERE d.model = 'ir.model' AND d.module = ANY(%s)""",
        [addons],
    )
    models = [row[0] for row in cr.fetchall()]
    cr.execute(
        "SELECT tablename FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename = ANY(%s)",
        [[model.replace(".", "_") for model in models]],
    )
    existing = {row[0] for row in cr.fetchall()}
    return {
        model.replace(".", "_"): model
        for model in models
        if model.replace(".", "_") in existing
    }


def snapshot(db, addons, path, reference=None):
    with connect(db) as conn, conn.cursor() as cr:
        tables = tables_of(cr, addons.split(","))
        if reference:
            with open(reference, encoding="utf-8") as handle:
                wanted = set(json.load(handle))
            cr.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = wanted & {row[0] for row in cr.fetchall()}
        data = {}
        for table in sorted(tables):
            cr.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608
            entry = {"count": cr.fetchone()[0]}
            cr.execute(STATE_COLUMNS, [table])
            for (column,) in cr.fetchall():
                cr.execute(
                    f'SELECT "{column}"::text, count(*) FROM "{table}" '  # noqa: S608
                    f"GROUP BY 1 ORDER BY 1 NULLS FIRST"
                )
                entry[column] = {str(value): count for value, count in cr.fetchall()}
            data[table] = entry
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    print(f"{len(data)} tables, {sum(e['count'] for e in data.values())} rows")


def owned(db, leaves, path):
    """Tables of models and columns of fields that only LEAVES define."""
    leaves = leaves.split(",")
    with connect(db) as conn, conn.cursor() as cr:
        cr.execute(
            """SELECT m.model FROM ir_model m
                WHERE EXISTS (SELECT 1 FROM ir_model_data d
                               WHERE d.model = 'ir.model'
                                 AND d.res_id = m.id AND d.module = ANY(%s))
                  AND NOT EXISTS (SELECT 1 FROM ir_model_data d
                                   WHERE d.model = 'ir.model'
                                     AND d.res_id = m.id AND d.module <> ALL(%s))""",
            [leaves, leaves],
        )
        models = sorted(row[0] for row in cr.fetchall())
        cr.execute(
            """SELECT f.model, f.name FROM ir_model_fields f
                WHERE f.store AND f.ttype NOT IN ('one2many', 'many2many')
                  AND f.model <> ALL(%s)
                  AND EXISTS (SELECT 1 FROM ir_model_data d
                               WHERE d.model = 'ir.model.fields'
                                 AND d.res_id = f.id AND d.module = ANY(%s))
                  AND NOT EXISTS (SELECT 1 FROM ir_model_data d
                                   WHERE d.model = 'ir.model.fields'
                                     AND d.res_id = f.id AND d.module <> ALL(%s))""",
            [models, leaves, leaves],
        )
        columns = sorted(
            [model.replace(".", "_"), name] for model, name in cr.fetchall()
        )
        cr.execute(
            """SELECT replace(model, '.', '_'), count(DISTINCT res_id)
                 FROM ir_model_data
                WHERE module = ANY(%s)
                  -- the ir.* records of an addon go with it; those whose
                  -- tables are snapshotted (the suite extends ir.rule and
                  -- ir.model.access for its refusal messages) are counted
                  AND (model NOT LIKE 'ir.%%'
                       OR model IN ('ir.model.access', 'ir.rule'))
                  AND model NOT IN ('res.groups', 'mail.template', 'report.paperformat')
                GROUP BY 1""",
            [leaves],
        )
        rows = dict(cr.fetchall())
    data = {
        "leaves": leaves,
        "tables": [m.replace(".", "_") for m in models],
        "columns": columns,
        "rows": rows,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1)
    owners = ",".join(leaves)
    print(f"{len(data['tables'])} tables, {len(columns)} columns owned by {owners}")


def _present(cr, owned_data):
    cr.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    tables = {row[0] for row in cr.fetchall()}
    cr.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    )
    columns = {tuple(row) for row in cr.fetchall()}
    found_tables = [t for t in owned_data["tables"] if t in tables]
    found_columns = [f"{t}.{c}" for t, c in owned_data["columns"] if (t, c) in columns]
    return found_tables, found_columns


def gone(db, owned_path, expect_present=False):
    with open(owned_path, encoding="utf-8") as handle:
        owned_data = json.load(handle)
    with connect(db) as conn, conn.cursor() as cr:
        found_tables, found_columns = _present(cr, owned_data)
        cr.execute(
            "SELECT module, count(*) FROM ir_model_data "
            "WHERE module = ANY(%s) GROUP BY 1",
            [owned_data["leaves"]],
        )
        xmlids = dict(cr.fetchall())
    if expect_present:
        missing = [t for t in owned_data["tables"] if t not in found_tables]
        missing += [f"XML ids of {m}" for m in owned_data["leaves"] if m not in xmlids]
        missing += [
            f"{t}.{c}"
            for t, c in owned_data["columns"]
            if f"{t}.{c}" not in found_columns
        ]
        if missing:
            print("missing after reinstall: " + ", ".join(missing))
            return 1
        return 0
    if found_tables or found_columns or xmlids:
        left = found_tables + found_columns
        left += [f"{count} XML ids of {module}" for module, count in xmlids.items()]
        print("left after uninstall: " + ", ".join(left))
        return 1
    return 0


def compare(path_a, path_b, owned_path=None):
    """Differences of two snapshots. With OWNED (after an uninstall), the
    tables of the uninstalled models are left out and the records that the
    uninstalled addons created (their XML ids) are expected to be gone."""
    with open(path_a, encoding="utf-8") as handle:
        before = json.load(handle)
    with open(path_b, encoding="utf-8") as handle:
        after = json.load(handle)
    skip = set()
    if owned_path:
        with open(owned_path, encoding="utf-8") as handle:
            owned_data = json.load(handle)
        skip = set(owned_data["tables"])
        for table, rows in owned_data["rows"].items():
            if table in before and table not in skip:
                before[table] = {"count": before[table]["count"] - rows}
                after[table] = {"count": after.get(table, {}).get("count")}
    diffs = []
    for table in sorted((set(before) | set(after)) - skip):
        old, new = before.get(table), after.get(table)
        if old is None or new is None:
            diffs.append(f"{table}: {'new' if old is None else 'gone'}")
            continue
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                diffs.append(f"{table}.{key}: {old.get(key)} -> {new.get(key)}")
    for line in diffs:
        print(f"  {line}")
    return 1 if diffs else 0


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "snapshot":
        snapshot(*args)
        return 0
    if command == "owned":
        owned(*args)
        return 0
    if command == "gone":
        return gone(*args)
    if command == "present":
        return gone(*args, expect_present=True)
    if command == "compare":
        return compare(*args)
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

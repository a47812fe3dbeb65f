# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The map of the regulations (R11.4), checked against the code and the tests.

``docs/regulations.md`` and its Chinese twin ``docs/regulations.zh_CN.md``
place every clause of the regulations: one section ``## D<n> · …`` per
source document, each with a table of columns clause | summary | where
(menu) | models | R-ids | status. The tables are parsed at run time and
checked:

- every model named exists in the registry (or belongs to an Odoo module
  of ``OPTIONAL_MODULES`` that is not installed);
- every menu path resolves to a menu, by the names in English for the
  ``.md`` and in Simplified Chinese for the ``.zh_CN.md``; both files name
  the same menus, models, requirement ids and status for the same clauses;
- every requirement id is one of the specification (``SPEC_REQUIREMENTS``),
  and every requirement of the specification is placed in the map;
- every requirement is proven by a test of the suite (its id appears in a
  ``*/tests/test_*.py`` of the repository), unless the map marks it planned;
  a requirement proven by a test is not marked planned.
"""

import glob
import os
import re
from collections import namedtuple

from odoo.tests import TransactionCase, tagged

REPOSITORY = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
DOCS = {
    "en_US": os.path.join(REPOSITORY, "docs", "regulations.md"),
    "zh_CN": os.path.join(REPOSITORY, "docs", "regulations.zh_CN.md"),
}

#: The requirement ids of the specification: the numbered requirements of
#: chapters C1-C11 of SPEC.md (the project's specification, kept outside this
#: repository), in its order. Add an id here when the specification gains one.
SPEC_REQUIREMENTS = (
    *("R1.1", "R1.2", "R1.3", "R1.4", "R1.5"),
    *("R2.1", "R2.2", "R2.3", "R2.4"),
    *("R3.1", "R3.2", "R3.3"),
    *("R4.1", "R4.2", "R4.3", "R4.4", "R4.5"),
    *("R5.1", "R5.2", "R5.3", "R5.4", "R5.5", "R5.6", "R5.7", "R5.8"),
    *("R6.1", "R6.2", "R6.3"),
    *("R7.1", "R7.2", "R7.3", "R7.4", "R7.5", "R7.6", "R7.7", "R7.8"),
    *("R8.1", "R8.2", "R8.3", "R8.4", "R8.5", "R8.6"),
    *("R9.1", "R9.2", "R9.3", "R9.4", "R9.5"),
    *("R10.1", "R10.2", "R10.3"),
    *("R11.1", "R11.2", "R11.3", "R11.4"),
)
#: Requirements no clause asks for: R11.4 is the map itself, proven here.
NOT_A_CLAUSE = {"R11.4"}
PROVEN_HERE = {"R11.4"}

#: Odoo modules the suite does not install. Their models and the menus under
#: their top menu (English and Chinese name) may be named in the map; they are
#: checked only where the module is installed.
OPTIONAL_MODULES = {
    "purchase": {"models": {"purchase.order"}, "menus": {"Purchase", "采购"}},
    "hr": {"models": {"hr.employee"}, "menus": {"Employees", "员工"}},
}

STATUSES = ("built", "odoo", "planned", "out of scope")
SECTION = re.compile(r"^## (D\d+) · ")
CODE = re.compile(r"`([^`]+)`")
REQUIREMENT = re.compile(r"(?<![\w.])R\d+\.\d+(?!\d)")
NONE = "—"
OTHER = object()  # after a "## " heading that is no document
MENU_SEPARATOR = " › "

Row = namedtuple("Row", "doc clause line menus models requirements status")


def _cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _status(cell, where):
    for status in STATUSES:
        if cell == status or cell.startswith(status + "（"):
            return status
    raise ValueError(f"{where}: status {cell!r} is none of {STATUSES}")


def parse_regulations_map(text, name):
    """Return ``(rows, counts)``: the rows of the clause tables in their
    order, and the documented number of clauses per status (the table
    before the first section)."""
    rows, counts = [], {}
    doc, in_table = None, False
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{name} line {number}"
        if line.startswith("## "):  # a document, or a section of notes
            section = SECTION.match(line)
            doc, in_table = (section.group(1) if section else OTHER), False
            continue
        if not line.startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if not in_table:  # the header
            in_table = True
            continue
        if set(line) <= set("|-: "):  # the separator
            continue
        if doc is OTHER:
            continue
        if doc is None:  # the number of clauses per status, then the total
            if len(cells) == 2 and cells[1].isdigit() and cells[0].startswith(STATUSES):
                counts[_status(cells[0], where)] = int(cells[1])
            continue
        if len(cells) != 6:
            raise ValueError(f"{where}: {len(cells)} cells instead of 6")
        clause, _summary, menus, models, requirements, status = cells
        rows.append(
            Row(
                doc=doc,
                clause=clause.split(" — ")[0].strip(),
                line=number,
                menus=[]
                if menus == NONE
                else [path.strip() for path in menus.split(";") if path.strip()],
                models=CODE.findall(models),
                requirements=CODE.findall(requirements),
                status=_status(status, where),
            )
        )
    return rows, counts


def suite_test_modules():
    """The test modules of every addon of the repository but this one, by
    path: ``*/tests/test_*.py`` of the top-level folders with a manifest."""
    this = os.path.realpath(__file__)
    paths = []
    for manifest in sorted(glob.glob(os.path.join(REPOSITORY, "*", "__manifest__.py"))):
        addon = os.path.dirname(manifest)
        for path in sorted(glob.glob(os.path.join(addon, "tests", "test_*.py"))):
            if os.path.realpath(path) != this:
                paths.append(path)
    return paths


@tagged("post_install", "-at_install")
class TestRegulationsMap(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the Chinese menus as a zh_CN user sees them: the terms of every
        # installed module (a test database is installed in English only)
        cls.env["res.lang"]._activate_lang("zh_CN")
        installed = (
            cls.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        cls.env["ir.module.module"]._load_module_terms(
            installed, ["zh_CN"], overwrite=True
        )
        cls.maps = {}
        for lang, path in DOCS.items():
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as doc:
                cls.maps[lang] = parse_regulations_map(
                    doc.read(), os.path.relpath(path, REPOSITORY)
                )

    def _rows(self, lang="en_US"):
        if lang not in self.maps:
            self.skipTest(
                f"{DOCS[lang]} not found: order_handling_suite is installed "
                "without the repository's docs/, the map cannot be checked"
            )
        return self.maps[lang][0]

    def _installed(self, module):
        return bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", module), ("state", "=", "installed")]
            )
        )

    def _optional(self, kind, name):
        """Whether ``name`` (a model, or a top menu) belongs to an optional
        module that is not installed."""
        return any(
            name in spec[kind] and not self._installed(module)
            for module, spec in OPTIONAL_MODULES.items()
        )

    def _menu_paths(self, lang):
        """``{(name, …): menu ids}`` of every menu, by its names in ``lang``
        from the top menu down (all menus, whatever the groups)."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
        menus = (
            self.env["ir.ui.menu"]
            .with_context(lang=lang, **{"ir.ui.menu.full_list": True})
            .search([])
        )
        paths = {}
        for menu in menus:
            names, node = [], menu
            while node:
                names.append(node.name)
                node = node.parent_id
            paths.setdefault(tuple(reversed(names)), set()).add(menu.id)
        return paths

    def _resolve(self, rows, lang, errors):
        """``{(doc, clause): menu ids}``; unknown paths go to ``errors``."""
        paths = self._menu_paths(lang)
        resolved = {}
        for row in rows:
            ids = set()
            for path in row.menus:
                names = tuple(name.strip() for name in path.split(MENU_SEPARATOR))
                if names in paths:
                    ids |= paths[names]
                elif not self._optional("menus", names[0]):
                    errors.append(
                        f"{os.path.basename(DOCS[lang])} line {row.line}: "
                        f"no menu {path!r} ({lang})"
                    )
            resolved[row.doc, row.clause] = ids
        return resolved

    def test_clauses_are_well_formed(self):
        rows = self._rows()
        errors = []
        seen = set()
        for row in rows:
            where = f"regulations.md line {row.line} ({row.doc} {row.clause})"
            if (row.doc, row.clause) in seen:
                errors.append(f"{where}: clause listed twice")
            seen.add((row.doc, row.clause))
            if row.status == "built" and not (row.models and row.requirements):
                errors.append(f"{where}: built needs its models and R-ids")
            if row.status == "odoo" and not (row.menus and row.models):
                errors.append(f"{where}: odoo needs the Odoo menu and models")
            if row.status == "planned" and not row.requirements:
                errors.append(f"{where}: planned needs the open R-id")
            if row.status == "out of scope" and row.requirements:
                errors.append(f"{where}: out of scope cites R-ids")
        counts = {status: 0 for status in STATUSES}
        for row in rows:
            counts[row.status] += 1
        for lang in self.maps:
            documented = self.maps[lang][1]
            if documented != counts:
                errors.append(
                    f"{os.path.basename(DOCS[lang])}: the table of clauses per "
                    f"status says {documented}, the map has {counts}"
                )
        if errors:
            self.fail("\n".join(errors))

    def test_models_exist(self):
        errors = []
        for lang in DOCS:
            for row in self._rows(lang):
                for model in row.models:
                    if model not in self.env.registry and not self._optional(
                        "models", model
                    ):
                        errors.append(
                            f"{os.path.basename(DOCS[lang])} line {row.line}: "
                            f"no model {model!r}"
                        )
        if errors:
            self.fail("\n".join(errors))

    def test_menus_exist_and_match(self):
        """Menu paths resolve in English (regulations.md) and in Chinese
        (regulations.zh_CN.md), to the same menus for the same clause."""
        errors = []
        en = self._resolve(self._rows("en_US"), "en_US", errors)
        zh = self._resolve(self._rows("zh_CN"), "zh_CN", errors)
        for key, ids in en.items():
            if key in zh and zh[key] != ids:
                errors.append(
                    f"{key[0]} {key[1]}: the two files name different menus "
                    f"({sorted(ids)} vs {sorted(zh[key])})"
                )
        if errors:
            self.fail("\n".join(errors))

    def test_both_languages_list_the_same_clauses(self):
        en, zh = self._rows("en_US"), self._rows("zh_CN")
        en_keys = [(row.doc, row.clause) for row in en]
        zh_keys = [(row.doc, row.clause) for row in zh]
        errors = [
            f"{doc} {clause}: missing from regulations.zh_CN.md"
            for doc, clause in en_keys
            if (doc, clause) not in zh_keys
        ] + [
            f"{doc} {clause}: missing from regulations.md"
            for doc, clause in zh_keys
            if (doc, clause) not in en_keys
        ]
        if errors:
            self.fail("\n".join(errors))
        self.assertEqual(
            en_keys, zh_keys, "the two files list the clauses in different orders"
        )
        for row_en, row_zh in zip(en, zh, strict=True):
            for field in ("status", "models", "requirements"):
                self.assertEqual(
                    getattr(row_en, field),
                    getattr(row_zh, field),
                    f"{row_en.doc} {row_en.clause}: {field} differ (regulations.md "
                    f"line {row_en.line}, regulations.zh_CN.md line {row_zh.line})",
                )

    def test_requirements_of_the_specification(self):
        """Every R-id named exists, and every requirement is placed."""
        rows = self._rows()
        named = {rid for row in rows for rid in row.requirements}
        unknown = named - set(SPEC_REQUIREMENTS)
        self.assertFalse(unknown, f"R-ids not in the specification: {sorted(unknown)}")
        unplaced = set(SPEC_REQUIREMENTS) - named - NOT_A_CLAUSE
        self.assertFalse(
            unplaced, f"requirements placed at no clause: {sorted(unplaced)}"
        )

    def test_every_requirement_proven_by_a_test_or_planned(self):
        """A requirement is cited by a test module of the suite (its id in a
        test name, docstring or comment), or the map marks it planned; one
        proven by a test is built, never planned."""
        rows = self._rows()
        paths = suite_test_modules()
        self.assertTrue(paths, f"no test module found under {REPOSITORY}")
        cited = set(PROVEN_HERE)
        for path in paths:
            with open(path, encoding="utf-8") as module:
                cited.update(REQUIREMENT.findall(module.read()))
        planned = {
            rid for row in rows if row.status == "planned" for rid in row.requirements
        }
        built = {
            rid for row in rows if row.status == "built" for rid in row.requirements
        }
        errors = [
            f"{rid}: cited by no test module (*/tests/test_*.py) and not planned "
            "in docs/regulations.md: cite it in the docstring of the test that "
            "proves it"
            for rid in SPEC_REQUIREMENTS
            if rid not in cited and rid not in planned
        ]
        errors += [
            f"{rid}: docs/regulations.md says both built and planned"
            for rid in sorted(planned & built)
        ]
        errors += [
            f"{rid}: proven by a test but planned in docs/regulations.md: place "
            "its clauses as built"
            for rid in sorted(planned & cited)
        ]
        if errors:
            self.fail("\n".join(errors))

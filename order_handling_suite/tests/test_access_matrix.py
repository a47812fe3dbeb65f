# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix of docs/access-matrix.md, checked against the real rights.

The document is parsed at run time: every Markdown table whose first header
cell is ``role`` gives, for each role (a group of ``order_handling_base``)
and each model named in backticks in the header, the ACL rights of a user
who has only that role: ``R`` read, ``W`` write, ``C`` create, ``D`` delete,
``-`` none.
"""

import os
import re

from odoo import Command
from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.sale_order_intel.tests.common import IntelCommon

ADDON_PATH = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
DOC_PATH = os.path.normpath(
    os.path.join(os.path.dirname(__file__), "..", "..", "docs", "access-matrix.md")
)
OPERATIONS = (("R", "read"), ("W", "write"), ("C", "create"), ("D", "unlink"))
CODE = re.compile(r"`([^`]+)`")


def _cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _code(cell, where):
    match = CODE.search(cell)
    if not match:
        raise ValueError(f"{where}: no `name` in backticks in cell {cell!r}")
    return match.group(1)


def parse_access_matrix(text):
    """Return ``{group xmlid: {model: documented letters}}`` from every table
    of ``text`` whose first header cell is ``role``."""
    matrix = {}
    header = None
    separator_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip().startswith("|"):
            header = None
            continue
        cells = _cells(line)
        if header is None:
            header, separator_seen = cells, False
            continue
        if not separator_seen:
            separator_seen = True
            continue
        if header[0].lower() != "role":
            continue
        where = f"docs/access-matrix.md line {number}"
        group = _code(cells[0], where)
        if "." not in group:
            group = f"order_handling_base.{group}"
        if len(cells) != len(header):
            raise ValueError(f"{where}: {len(cells)} cells, header has {len(header)}")
        for model_cell, value in zip(header[1:], cells[1:], strict=True):
            model = _code(model_cell, where)
            letters = "" if value == "-" else value
            if not value or set(letters) - {"R", "W", "C", "D"}:
                raise ValueError(f"{where}: {value!r} for {model} is not R/W/C/D or -")
            matrix.setdefault(group, {})[model] = set(letters)
    return matrix


def read_access_matrix(test):
    """The parsed document, or skip ``test`` when the repository's docs are
    not next to the addon."""
    if not os.path.isfile(DOC_PATH):
        test.skipTest(
            f"{DOC_PATH} not found: order_handling_suite is installed without "
            "the repository's docs/, the access matrix cannot be checked"
        )
    with open(DOC_PATH, encoding="utf-8") as doc:
        return parse_access_matrix(doc.read())


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """Every role × model cell of the document against ``has_access``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, no_reset_password=True)
        )
        category = cls.env.ref("order_handling_base.module_category_order_handling")
        cls.role_groups = cls.env["res.groups"].search(
            [("category_id", "=", category.id)]
        ) - cls.env.ref("order_handling_base.group_user")
        cls.role_xmlids = set(cls.role_groups.get_external_id().values())
        cls.users = {
            xmlid: new_test_user(
                cls.env,
                f"matrix_{xmlid.split('.')[-1]}",
                groups=f"base.group_user,{xmlid}",
            )
            for xmlid in cls.role_xmlids
        }

    def _suite_models(self):
        """Concrete models defined (``_name``) by an addon of the suite (a
        dependency of this addon that lives in the repository, next to it),
        and ``sale.order``, which every role meets."""
        repository = os.path.dirname(ADDON_PATH)
        addons = {
            name
            for name in get_manifest("order_handling_suite")["depends"]
            if os.path.dirname(os.path.realpath(get_module_path(name) or ""))
            == repository
        }
        models = {"sale.order"}
        for name, model in self.env.registry.items():
            if model._original_module in addons and not (
                model._abstract or model._transient
            ):
                models.add(name)
        return models

    def test_every_role_and_model_documented(self):
        matrix = read_access_matrix(self)
        missing_roles = set(self.role_xmlids) - set(matrix)
        self.assertFalse(
            missing_roles,
            f"roles missing from docs/access-matrix.md: {sorted(missing_roles)}",
        )
        unknown_roles = set(matrix) - set(self.role_xmlids)
        self.assertFalse(
            unknown_roles,
            f"docs/access-matrix.md documents unknown roles: {sorted(unknown_roles)}",
        )
        documented = set().union(*(set(cells) for cells in matrix.values()))
        missing_models = self._suite_models() - documented
        self.assertFalse(
            missing_models,
            f"models missing from docs/access-matrix.md: {sorted(missing_models)}",
        )
        for role, cells in matrix.items():
            self.assertEqual(
                set(cells),
                documented,
                f"{role}: row does not cover every documented model",
            )

    def test_access_rights_match_document(self):
        matrix = read_access_matrix(self)
        mismatches = []
        for role, cells in sorted(matrix.items()):
            user = self.users.get(role)
            if not user:
                continue  # reported by test_every_role_and_model_documented
            for model, documented in sorted(cells.items()):
                if model not in self.env:
                    mismatches.append(f"{role} / {model}: model does not exist")
                    continue
                records = self.env[model].with_user(user)
                for letter, operation in OPERATIONS:
                    real = records.has_access(operation)
                    expected = letter in documented
                    if real != expected:
                        mismatches.append(
                            f"role {role}, model {model}, operation {operation}: "
                            f"documented {'allowed' if expected else 'denied'}, "
                            f"real {'allowed' if real else 'denied'}"
                        )
        if mismatches:
            self.fail(
                "docs/access-matrix.md and the ACLs disagree:\n" + "\n".join(mismatches)
            )


@tagged("post_install", "-at_install")
class TestRecordRules(IntelCommon):
    """The record-rule scopes of the document, on concrete records."""

    def assertAccess(self, record, role, operation, expected):
        real = record.with_user(self.users[role]).has_access(operation)
        self.assertEqual(
            real,
            expected,
            f"role {role}, {record._name} {record.display_name!r}, {operation}: "
            f"documented {'allowed' if expected else 'denied'}, "
            f"real {'allowed' if real else 'denied'}",
        )

    def test_transfer_slip_department_scope(self):
        slip = self._transfer(["quality"])
        self.assertEqual(slip.department_id, self.departments["quality"])
        for role in ("quality", "member", "clerk", "manager"):
            self.assertAccess(slip, role, "read", True)
        for role in ("warehouse", "purchasing", "saleshead"):
            self.assertAccess(slip, role, "read", False)
        # the salesperson of the order follows where it went
        self.assertAccess(slip, "sales", "read", True)
        self.assertAccess(slip, "sales", "write", False)

    def test_sale_order_transferred_department_scope(self):
        """A transferred order opens its copy to the department, never the
        order itself."""
        order = self._create_order(self.users["sales"])
        slip = self._transfer(["quality"], order=order)
        copy = self.env["sale.order.copy"].browse(order.id)
        for role in ("quality", "member", "purchasing", "office"):
            self.assertAccess(order, role, "read", False)
        for role in ("quality", "member", "sales", "clerk"):
            self.assertAccess(copy, role, "read", True)
        self.assertAccess(copy, "purchasing", "read", False)
        self.assertAccess(copy, "office", "read", False)
        slip.with_user(self.users["clerk"]).action_cancel(reason="not needed")
        self.assertAccess(copy, "quality", "read", False)

    def test_intel_report_own_scope(self):
        report = self._report(role="sales")
        self.assertAccess(report, "sales", "read", True)
        self.assertAccess(report, "sales2", "read", False)
        self.assertAccess(report, "saleshead", "read", False)
        self.assertAccess(report, "marketing", "read", True)
        self.assertAccess(report, "manager", "read", True)

    def test_department_company_scope(self):
        other = self.env["res.company"].create({"name": "Other Works"})
        department = self.env["order.handling.department"].search(
            [("company_id", "=", other.id)], limit=1
        )
        self.assertTrue(department, "a new company gets its own departments")
        self.assertAccess(department, "manager", "read", False)
        self.users["manager"].write({"company_ids": [Command.link(other.id)]})
        self.assertAccess(department, "manager", "read", True)

    def _sections(self, user):
        """The first-level sections of Order Handling that ``user`` sees."""
        root = self.env.ref("order_handling_base.menu_root")
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return root.child_id.filtered(lambda m: m.id in visible)

    def test_at_most_six_sections(self):
        """The menu bar holds at most six sections, whoever opens it: more
        overflow into the "more" menu at 1366 px (issue 17)."""
        root = self.env.ref("order_handling_base.menu_root")
        self.assertLessEqual(len(root.child_id), 6, root.child_id.mapped("name"))
        users = dict(self.users, admin=self.env.ref("base.user_admin"))
        for role, user in users.items():
            sections = self._sections(user)
            self.assertLessEqual(len(sections), 6, f"{role}: {sections.mapped('name')}")
        self.assertEqual(
            self._sections(self.users["manager"]).sorted("sequence").mapped("name"),
            [
                "Orders",
                "Engineering",
                "Customer Care",
                "Marketing",
                "Reporting",
                "Configuration",
            ],
        )

    def test_each_role_lands_on_its_own_work(self):
        """Opening Order Handling opens the first list a role sees (the
        action the web client gives the app): the reviewing departments land
        on their reviews and the warehouse on its slips, not on empty review
        or plan lists (issue 20)."""
        root = self.env.ref("order_handling_base.menu_root")
        expected = {
            "sales": "sale_order_intake.sale_order_intake_menu",
            "saleshead": "sale_order_intake.sale_order_intake_menu",
            "clerk": "sale_order_intake.sale_order_intake_menu",
            "manager": "sale_order_intake.sale_order_intake_menu",
            "quality": "sale_order_review.sale_order_review_menu",
            "workshop": "sale_order_review.sale_order_review_menu",
            "engineering": "sale_order_review.sale_order_review_menu",
            "purchasing": "sale_order_review.sale_order_review_menu",
            "warehouse": "order_handling_base.order_handling_transfer_menu",
            "office": "order_handling_base.order_handling_transfer_menu",
            "service": "order_handling_base.order_handling_transfer_menu",
        }
        for role, xmlid in expected.items():
            menus = (
                self.env["ir.ui.menu"].with_user(self.users[role]).load_web_menus(False)
            )
            self.assertEqual(
                menus[root.id]["actionID"], self.env.ref(xmlid).action.id, role
            )

    def test_daily_lists_within_two_clicks(self):
        """Each role reaches its daily list in at most two clicks once the
        app is open: it is the landing list, or an entry of a section of the
        menu bar (one click opens the section, one the entry; the
        sub-sections of a section are headers of the same dropdown)."""
        root = self.env.ref("order_handling_base.menu_root")
        daily = {
            "sales": ["sale_order_intake.sale_order_intake_menu"],
            "clerk": [
                "sale_order_intake.sale_order_intake_menu",
                "order_handling_base.order_handling_transfer_menu_all",
            ],
            "quality": ["order_handling_base.order_handling_transfer_menu"],
            "warehouse": ["order_handling_base.order_handling_transfer_menu"],
            "workshop": ["sale_order_review.sale_order_review_menu"],
            "engineering": [
                "sale_order_review.sale_order_review_menu",
                "sale_engineering_plan.sale_engineering_plan_menu",
            ],
            "process": ["sale_engineering_plan.sale_engineering_plan_deliverable_menu"],
            "purchasing": ["order_handling_base.order_handling_transfer_menu"],
            "office": ["order_handling_base.order_handling_transfer_menu"],
            "saleshead": ["order_handling_base.tier_review_menu_to_approve"],
            "gm": ["order_handling_base.tier_review_menu_to_approve"],
            "marketing": ["sale_order_intel.sale_intel_report_menu_to_evaluate"],
            "service": [
                "sale_customer_care.sale_customer_complaint_menu",
                "sale_customer_care.sale_customer_visit_menu",
            ],
            "manager": ["order_handling_dashboard.order_handling_dashboard_menu"],
        }
        for role, xmlids in daily.items():
            user = self.users[role]
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            sections = self._sections(user)
            for xmlid in xmlids:
                menu = self.env.ref(xmlid)
                self.assertIn(menu.id, visible, f"{role}: {xmlid} hidden")
                path = self.env["ir.ui.menu"]
                parent = menu
                while parent.parent_id != root:
                    parent = parent.parent_id
                    path |= parent
                self.assertIn(parent, sections, f"{role}: {xmlid}")
                self.assertLessEqual(len(path), 2, f"{role}: {xmlid} too deep")

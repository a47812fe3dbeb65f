# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OrderHandlingCommon

EXPECTED_CODES = {
    "sales",
    "logistics",
    "quality",
    "warehouse",
    "production",
    "engineering",
    "purchasing",
    "general_office",
    "marketing_planning",
    "customer_service",
}


@tagged("post_install", "-at_install")
class TestDepartment(OrderHandlingCommon):
    def test_routing_targets_shipped(self):
        self.assertEqual(set(self.departments), EXPECTED_CODES)

    def test_new_company_gets_its_own_departments(self):
        company = self.env["res.company"].create({"name": "Branch Factory"})
        departments = self.env["order.handling.department"].search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(set(departments.mapped("code")), EXPECTED_CODES)
        self.assertFalse(departments.manager_id, "people are not copied")
        # and the main company's departments are untouched
        self.assertEqual(self.departments["quality"].manager_id, self.users["quality"])

    def test_code_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["order.handling.department"].create(
                {"name": "Quality bis", "code": "quality"}
            )

    def test_get_by_code(self):
        Department = self.env["order.handling.department"]
        found = Department._get_by_code(["quality", "warehouse"])
        self.assertEqual(
            found, self.departments["quality"] | self.departments["warehouse"]
        )
        with self.assertRaisesRegex(UserError, "no_such_code"):
            Department._get_by_code(["quality", "no_such_code"])

    def test_membership(self):
        quality = self.departments["quality"]
        self.assertTrue(quality._is_member(self.users["quality"]))
        self.assertTrue(quality._is_member(self.users["member"]))
        self.assertFalse(quality._is_member(self.users["warehouse"]))

    def test_only_administrators_configure_departments(self):
        quality = self.departments["quality"]
        for role in ("quality", "clerk", "sales", "member"):
            with self.assertRaises(AccessError, msg=role):
                quality.with_user(self.users[role]).write({"name": "Renamed"})
            # but they can read it
            self.assertEqual(quality.with_user(self.users[role]).code, "quality")
        quality.with_user(self.users["manager"]).write({"description": "QC"})
        self.assertEqual(quality.description, "QC")

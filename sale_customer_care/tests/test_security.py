# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CustomerCareCommon


@tagged("post_install", "-at_install")
class TestSecurity(CustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_partner = cls.env["res.partner"].create({"name": "Other Corp"})
        cls.portal_user = new_test_user(
            cls.env,
            "care_portal",
            groups="base.group_portal",
            partner_id=cls.partner.id,
        )
        cls.other_portal = new_test_user(
            cls.env,
            "care_portal_other",
            groups="base.group_portal",
            partner_id=cls.other_partner.id,
        )

    def test_portal_user_reads_only_own(self):
        own = self._complaint()
        other = self._complaint(
            partner_id=self.other_partner.id, order_id=False, picking_id=False
        )
        Complaint = self.env["sale.customer.complaint"].with_user(self.portal_user)
        self.assertEqual(Complaint.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.portal_user).read(["subject"])
        with self.assertRaises(AccessError):
            own.with_user(self.portal_user).write({"subject": "changed"})

    def test_portal_create(self):
        complaint = (
            self.env["sale.customer.complaint"]
            .sudo()
            ._portal_create(
                self.portal_user.partner_id,
                "Scratched housing",
                "Seen at unpacking",
                self.delivered_order,
                "damaged",
            )
        )
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.user_id, self.service)
        self.assertEqual(complaint.with_user(self.portal_user).search([]), complaint)

    def test_salesperson_reads_own_customers(self):
        complaint = self._complaint()
        other = self._complaint(
            partner_id=self.other_partner.id, order_id=False, picking_id=False
        )
        Complaint = self.env["sale.customer.complaint"].with_user(self.users["sales"])
        self.assertEqual(Complaint.search([]), complaint)
        with self.assertRaises(AccessError):
            complaint.with_user(self.users["sales"]).write({"subject": "x"})
        with self.assertRaises(AccessError):
            other.with_user(self.users["sales"]).read(["subject"])

    def test_complaint_on_other_company_order(self):
        company_b = self.env["res.company"].create({"name": "Care Company B"})
        if "intake_required" in company_b._fields:
            company_b.intake_required = False
        self.service.write({"company_ids": [Command.link(company_b.id)]})
        order_b = (
            self.env["sale.order"]
            .with_company(company_b)
            .create(
                {
                    "partner_id": self.partner.id,
                    "company_id": company_b.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 1}
                        )
                    ],
                }
            )
        )
        with self.assertRaises(UserError):
            self._complaint(order_id=order_b.id, picking_id=False)

    def test_multi_company_rule(self):
        company_b = self.env["res.company"].create({"name": "Care Company C"})
        complaint = self.env["sale.customer.complaint"].create(
            {
                "subject": "Other company",
                "partner_id": self.partner.id,
                "company_id": company_b.id,
            }
        )
        Complaint = self.env["sale.customer.complaint"].with_user(self.service)
        self.assertNotIn(complaint, Complaint.search([]))

    def test_plain_user_cannot_create(self):
        with self.assertRaises(AccessError):
            self._complaint(user=self.users["member"])

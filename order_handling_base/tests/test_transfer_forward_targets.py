# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OrderHandlingCommon


@tagged("post_install", "-at_install")
class TestTransferForwardTargets(OrderHandlingCommon):
    """A department forwards its slips only to the departments the
    administrators listed on it ("May Forward To"); an empty list keeps the
    former behaviour (any department of the company)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.departments["warehouse"]
        cls.production = cls.departments["production"]
        cls.quality = cls.departments["quality"]
        # the administrator configures it in the department form
        with Form(cls.warehouse.with_user(cls.users["manager"])) as form:
            form.forward_department_ids.add(cls.production)

    def _slip_count(self):
        return self.env["order.handling.transfer"].search_count(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)]
        )

    def test_configured_by_administrators_only(self):
        self.assertEqual(self.warehouse.forward_department_ids, self.production)
        self.assertFalse(self.quality.forward_department_ids, "empty: any target")
        with self.assertRaises(AccessError):
            self.warehouse.with_user(self.users["warehouse"]).write(
                {"forward_department_ids": [Command.link(self.quality.id)]}
            )
        self.assertEqual(self.warehouse.forward_department_ids, self.production)

    def test_allowed_target(self):
        slip = self._transfer(["warehouse"])
        member = self.users["warehouse"]
        slip.with_user(member).action_acknowledge()
        wizard = Form(
            self.env["order.handling.transfer.forward"]
            .with_user(member)
            .with_context(default_transfer_ids=slip.ids)
        )
        wizard.department_id = self.production
        action = wizard.save().action_forward()
        new_slip = self.env["order.handling.transfer"].browse(action["res_id"])
        self.assertEqual(slip.state, "forwarded")
        self.assertEqual(slip.forward_slip_id, new_slip)
        self.assertEqual(new_slip.department_id, self.production)
        self.assertEqual(new_slip.state, "sent")

    def test_disallowed_target_refused(self):
        slip = self._transfer(["warehouse"])
        member = slip.with_user(self.users["warehouse"])
        member.action_acknowledge()
        slips_before = self._slip_count()
        message = (
            f"^Transfer slip {re.escape(slip.name)} cannot be forwarded: the "
            f"{re.escape(self.warehouse.name)} department may not forward to "
            f"the {re.escape(self.quality.name)} department\\.$"
        )
        with self.assertRaisesRegex(UserError, message):
            member.action_forward(self.quality.id)
        # through the wizard too, which offers only the listed departments
        wizard = Form(
            self.env["order.handling.transfer.forward"]
            .with_user(self.users["warehouse"])
            .with_context(default_transfer_ids=slip.ids)
        )
        self.assertEqual(wizard.allowed_department_ids[:], self.production)
        wizard.department_id = self.quality
        with self.assertRaisesRegex(UserError, message):
            wizard.save().action_forward()
        # nothing written: the slip is where it was, no new slip
        slip.invalidate_recordset()
        self.assertEqual(slip.state, "acknowledged")
        self.assertFalse(slip.forward_slip_id)
        self.assertFalse(slip.forwarded_uid)
        self.assertEqual(self._slip_count(), slips_before)
        # in the user's language
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaisesRegex(UserError, "不可转交"):
            member.with_context(lang="zh_CN").action_forward(self.quality)
        self.assertEqual(slip.state, "acknowledged")

    def test_archived_target_keeps_the_list(self):
        """Archiving the only listed target does not open every target."""
        self.production.action_archive()
        slip = self._transfer(["warehouse"])
        with self.assertRaises(UserError):
            slip.with_user(self.users["warehouse"]).action_forward(self.quality)
        self.assertEqual(slip.state, "sent")

    def test_administrator_bound_by_the_list(self):
        """The list is the company's routing: an order-handling
        administrator forwarding for the department follows it too (and can
        change it)."""
        slip = self._transfer(["warehouse"])
        with self.assertRaises(UserError):
            slip.with_user(self.users["manager"]).action_forward(self.quality)
        self.assertEqual(slip.state, "sent")

    def test_empty_list_allows_any_department(self):
        slip = self._transfer(["quality"])
        new_slip = slip.with_user(self.users["member"])._forward(self.warehouse)
        self.assertEqual(new_slip.department_id, self.warehouse)
        self.assertEqual(slip.state, "forwarded")

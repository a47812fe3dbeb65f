# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where sale_order_governance (change requests) meets sale_order_archive
(archived orders): the two addons are independent, the suite installs both."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sale_order_archive.tests.test_archive import ArchiveCommon


@tagged("post_install", "-at_install")
class TestGovernanceArchive(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sale_order_change_control = True

    def _change_request(self, order):
        return (
            self.env["sale.order.change.request"]
            .with_user(self.users["sales"])
            .create(
                {
                    "order_id": order.id,
                    "reason": "The customer wants a later date on the papers.",
                    "new_commitment_date": fields.Datetime.now() + timedelta(days=9),
                }
            )
        )

    def test_request_approved_before_archiving_is_not_applied(self):
        """A change request approved while the order was done but not yet
        archived is refused once the order is archived (R7.2, R7.6)."""
        order = self._done_order()
        request = self._change_request(order)
        request.with_user(self.users["sales"]).request_validation()
        request.with_user(self.users["saleshead"]).validate_tier()
        self.assertEqual(request.validation_status, "validated")
        self._archive(order)
        commitment = order.commitment_date
        with self.assertRaisesRegex(UserError, "archived"):
            request.with_user(self.users["sales"]).action_apply()
        self.assertEqual(order.commitment_date, commitment)
        self.assertNotEqual(request.state, "applied")

    def test_no_request_on_an_archived_order(self):
        """An archived order no longer changes: no request is filed on it
        (R7.2, R7.6)."""
        order = self._done_order()
        self._archive(order)
        with self.assertRaisesRegex(UserError, "archived"):
            self._change_request(order)

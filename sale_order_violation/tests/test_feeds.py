# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models import sale_order_violation
from .common import ViolationCommon

# measured with sale_order_governance and this addon installed (21), with
# some margin; registering 1 or 3 tampered archives costs the same
QUERIES_REGISTER_TAMPERED = 24


@tagged("post_install", "-at_install")
class TestTamperFeed(ViolationCommon):
    """R7.8 fed by R7.6: every tampered archive the verification reports is
    an entry of the register."""

    def test_tampered_archive_is_registered_once(self):
        """R7.8: the verification finds a tampered archive: one entry, with
        the order, the archive as source and the differences as facts; the
        managers get an activity. Verified again with the same differences,
        nothing new."""
        order = self._archived_order()
        archive = order.governance_archive_id
        self._tamper(order)
        archive.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(archive.integrity, "tampered")
        entry = self._entries(kind="tamper")
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.order_id, order)
        self.assertEqual(entry.source_ref, archive)
        self.assertEqual(entry.company_id, self.company)
        self.assertIn(archive.name, entry.facts)
        self.assertIn(archive.tamper_detail, entry.facts)
        self.assertIn(self.users["gm"], entry.activity_ids.user_id)
        self.assertIn(self.users["manager"], entry.activity_ids.user_id)
        archive.with_user(self.users["clerk"]).action_verify()
        self.env["sale.order.archive"]._cron_verify()
        self.assertEqual(len(self._entries(kind="tamper")), 1)

    def test_intact_archive_registers_nothing(self):
        """R7.8: an intact archive is no violation."""
        archive = self._archived_order().governance_archive_id
        archive.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(archive.integrity, "intact")
        self.assertFalse(self._entries())

    def test_register_off_registers_nothing(self):
        """Installed, nothing changes until the company keeps the register:
        the tamper alert of R7.6 alone."""
        self.company.sale_order_violation_register = False
        order = self._archived_order()
        self._tamper(order)
        order.governance_archive_id.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(order.governance_archive_id.integrity, "tampered")
        self.assertFalse(self._entries())

    def test_batch_registration_query_count(self):
        """R7.8: the nightly verification may report many archives at once:
        their entries, notes and activities are created in one batch, the
        same number of queries for 1 or 4 archives."""
        orders = self.env["sale.order"]
        for _i in range(5):
            orders |= self._archived_order()
        self._tamper(orders)
        archives = orders.governance_archive_id.sudo()
        archives.write({"integrity": "tampered", "tamper_detail": "Changed."})
        Violation = self.Violation.sudo()
        # warm the caches (sequence, activity type, managers)
        Violation._register_tampered_archives(archives[:1])

        def count(batch):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with self.assertQueryCount(QUERIES_REGISTER_TAMPERED):
                Violation._register_tampered_archives(batch)
                self.env.flush_all()
            return self.cr.sql_log_count - before

        self.assertEqual(count(archives[1:2]), count(archives[2:]))
        self.assertEqual(len(self._entries(kind="tamper")), 5)


@tagged("post_install", "-at_install")
class TestRefusedAccessFeed(ViolationCommon):
    """R7.8 fed by R7.7: reading an archived order without an approved
    access request is refused and registered, although the refusal rolls
    the request back (the entry is written in a cursor of its own)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.archived = cls._done_order()
        cls.archived.with_user(cls.users["clerk"])._governance_archive()

    def setUp(self):
        super().setUp()
        # the separate cursor of the register is the test's (as in HttpCase)
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)

    def _read_as(self, role, orders):
        orders = orders.with_user(self.users[role])
        self.env.invalidate_all()
        return self.assertRefusedAsIs(AccessError, lambda: orders.read(["name"]))

    def test_refused_read_of_archived_order_is_registered(self):
        """R7.8: a salesperson outside the order's team reads an archived
        order: refused, and one entry names them, the order and the facts;
        the managers are told."""
        self._read_as("sales2", self.archived)
        entry = self._entries(kind="refused_access")
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.user_id, self.users["sales2"])
        self.assertEqual(entry.order_id, self.archived)
        self.assertIn(self.archived.name, entry.facts)
        self.assertIn(self.users["manager"], entry.activity_ids.user_id)
        # the lines too, and again the same day: still one entry
        self.env.invalidate_all()
        self.assertRefusedAsIs(
            AccessError,
            lambda: self.archived.order_line.with_user(self.users["sales2"]).read(
                ["name"]
            ),
        )
        self._read_as("sales2", self.archived)
        self.assertEqual(len(self._entries(kind="refused_access")), 1)

    def test_access_tests_and_other_orders_are_no_violation(self):
        """R7.8: asking whether one may read (the web client does it) is no
        attempt; a refused order that is not archived is Odoo's ordinary
        confidentiality (R7.4), not registered."""
        self.assertFalse(
            self.archived.with_user(self.users["sales2"]).has_access("read")
        )
        self.assertFalse(
            self.archived.with_user(self.users["sales2"])._filtered_access("read")
        )
        quotation = self._create_order(self.users["sales"])
        self._read_as("sales2", quotation)
        self.assertFalse(self._entries())

    def test_readers_with_right_are_not_registered(self):
        """R7.8: the order's own team reads it; nothing is registered."""
        self.archived.with_user(self.users["saleshead"]).read(["name"])
        self.assertFalse(self._entries())

    def test_register_off_registers_nothing(self):
        """Installed, nothing is registered until the company keeps the
        register."""
        self.company.sale_order_violation_register = False
        self._read_as("sales2", self.archived)
        self.assertFalse(self._entries())

    def test_flood_is_capped_per_user_and_day(self):
        """R7.8: a client asking for archived orders one by one files at
        most MAX_REFUSALS_PER_USER_DAY entries a day."""
        orders = self.archived
        for _i in range(2):
            order = self._done_order()
            order.with_user(self.users["clerk"])._governance_archive()
            orders |= order
        with patch.object(sale_order_violation, "MAX_REFUSALS_PER_USER_DAY", 2):
            for order in orders:
                self._read_as("sales2", order)
            self._read_as("sales2", orders)
        entries = self._entries(kind="refused_access")
        self.assertEqual(len(entries), 2)
        self.assertEqual(entries.order_id, orders[:2])


@tagged("post_install", "-at_install")
class TestApprovalBypassFeed(ViolationCommon):
    """R7.8 fed by R7.1: an approval decided outside the approval workflow,
    which only the superuser can do, is allowed and registered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sale_order_approval = True
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids = [Command.link(cls.company.id)]

    def _quotation_under_approval(self):
        order = (
            self.env["sale.order"]
            .with_user(self.users["sales"])
            .create(
                {
                    "partner_id": self.partner.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 60000.0,
                            }
                        )
                    ],
                }
            )
        )
        order.request_validation()
        self.assertTrue(order.review_ids)
        return self.env["sale.order"].browse(order.id)

    def test_reviews_approved_in_superuser_mode_are_registered(self):
        """R7.8: an administrator sets the reviews of a quotation approved
        with superuser rights: the write is allowed (and the order can be
        confirmed), and each review bypassed is an entry naming the
        administrator and the order."""
        order = self._quotation_under_approval()
        reviews = order.review_ids
        reviews.with_user(self.admin).sudo().write({"status": "approved"})
        entries = self._entries(kind="approval_bypass")
        self.assertEqual(len(entries), len(reviews))
        self.assertEqual(entries.user_id, self.admin)
        self.assertEqual(entries.order_id, order)
        self.assertEqual(
            {(e.res_model, e.res_id) for e in entries},
            {("tier.review", r.id) for r in reviews},
        )
        self.assertIn(self.users["gm"], entries.activity_ids.user_id)
        self.assertIn(order.name, entries[0].facts)
        # the administrator reviews none of them
        self.assertNotIn(self.admin, entries.activity_ids.user_id)
        self.env.invalidate_all()
        self.assertEqual(order.validation_status, "validated")

    def test_review_created_approved_in_sudo_is_registered(self):
        """R7.8: a review created already approved by the superuser (a
        script, a server action in sudo) is a bypass too."""
        order = self._quotation_under_approval()
        definition = order.review_ids[:1].definition_id
        review = (
            self.env["tier.review"]
            .with_user(self.admin)
            .sudo()
            .create(
                {
                    "model": "sale.order",
                    "res_id": order.id,
                    "definition_id": definition.id,
                    "status": "approved",
                }
            )
        )
        entry = self._entries(kind="approval_bypass")
        self.assertEqual(entry.res_id, review.id)
        self.assertEqual(entry.user_id, self.admin)

    def test_confirmation_is_no_way_past_the_approval(self):
        """R7.8: the review is the one place an administrator bypasses an
        approval: confirming a quotation under approval is refused even to
        the superuser (so there is nothing to register there)."""
        order = self._quotation_under_approval()
        for confirm in (
            order.with_user(self.admin).sudo().action_confirm,
            lambda: order.sudo().write({"state": "sale"}),
        ):
            with self.assertRaises(UserError):  # ValidationError too
                confirm()
        self.assertIn(order.state, ("draft", "sent"))
        self.assertFalse(self._entries())

    def test_workflow_approval_is_no_violation(self):
        """R7.8: the reviewer's Validate, and a request of a new approval,
        register nothing."""
        order = self._quotation_under_approval()
        order.with_user(self.users["saleshead"]).validate_tier()
        order.invalidate_recordset()
        self.assertTrue(order.review_ids.filtered(lambda r: r.status == "approved"))
        self.assertFalse(self._entries())

    def test_direct_write_by_a_user_is_refused_not_registered(self):
        """R7.8: without superuser rights a review cannot be written at all
        (order_handling_base refuses it): nothing to register."""
        order = self._quotation_under_approval()
        with self.assertRaises(UserError):
            order.review_ids.with_user(self.users["saleshead"]).write(
                {"status": "approved"}
            )
        self.assertFalse(self._entries())

    def test_register_off_registers_nothing(self):
        """Installed, nothing is registered until the company keeps the
        register."""
        self.company.sale_order_violation_register = False
        order = self._quotation_under_approval()
        order.review_ids.sudo().write({"status": "approved"})
        self.assertFalse(self._entries())

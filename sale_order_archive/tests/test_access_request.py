# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .test_archive import ArchiveCommon


@tagged("post_install", "-at_install")
class TestAccessRequest(ArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._done_order()
        cls.order.with_user(cls.users["clerk"]).action_governance_archive()
        cls.requester = cls.users["sales2"]
        cls.Request = cls.env["sale.order.access.request"].with_user(cls.requester)

    def _request(self, **vals):
        return self.Request.create(
            dict({"order_name": self.order.name, "reason": "Customer audit"}, **vals)
        )

    def _granted(self):
        request = self._request(duration_days=3)
        request.action_submit()
        request.with_user(self.users["saleshead"]).validate_tier()
        return request

    def test_no_access_without_grant(self):
        with self.assertRaises(AccessError):
            self.order.with_user(self.requester).read(["name"])

    def test_request_grant_read_and_log(self):
        """Reading an archived order without access needs an approved request; the grant
        is time-limited and every read is logged (R7.7)."""
        request = self._request()
        self.assertRegex(request.name, "^AAR/")
        self.assertEqual(request.order_id, self.order)
        self.assertEqual(request.user_id, self.requester)
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertTrue(request.review_ids)
        self.assertIn(self.users["saleshead"], request.review_ids.reviewer_ids)
        self.assertIn(self.users["gm"], request.review_ids.reviewer_ids)
        request.with_user(self.users["gm"]).validate_tier()
        self.assertEqual(request.state, "granted")
        self.assertEqual(request.granted_uid, self.users["gm"])
        self.assertAlmostEqual(
            request.date_end,
            request.date_start + timedelta(days=7),
            delta=timedelta(seconds=1),
        )
        Log = self.env["sale.order.access.log"]
        self.assertEqual(Log.search([("request_id", "=", request.id)]).event, "grant")
        # the requester's to-do tells until when
        todo = request.sudo().activity_ids
        self.assertEqual(todo.user_id, self.requester)
        self.assertEqual(todo.summary, f"Access to order {self.order.name} granted")
        self.assertIn(self.order.name, str(todo.note))
        # the requester reads that order, and only that order
        order = self.order.with_user(self.requester)
        self.env.invalidate_all()
        self.assertEqual(order.read(["name"])[0]["name"], self.order.name)
        self.assertTrue(order.order_line.read(["product_id"]))
        reads = Log.search([("request_id", "=", request.id), ("event", "=", "read")])
        self.assertEqual(len(reads), 1)
        self.assertEqual(reads.user_id, self.requester)
        other = self._done_order()
        with self.assertRaises(AccessError):
            other.with_user(self.requester).read(["name"])
        # read only
        with self.assertRaises(UserError):
            order.write({"note": "seen"})
        # the web client's read is logged too
        order.web_read({"name": {}})
        self.assertEqual(
            Log.search_count([("request_id", "=", request.id), ("event", "=", "read")]),
            2,
        )
        # the log is the system's: nobody changes it
        with self.assertRaises(UserError):
            reads.with_user(self.users["gm"]).write({"event": "grant"})
        with self.assertRaises(AccessError):
            reads.with_user(self.requester).read(["event"])

    def test_expired_grant_refused_without_cron(self):
        request = self._granted()
        self.order.with_user(self.requester).read(["name"])
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order_access_request SET date_end = %s WHERE id = %s",
                fields.Datetime.now() - timedelta(minutes=1),
                request.id,
            )
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.order.with_user(self.requester).read(["name"])
        # the cron then closes it, once
        self.env["sale.order.access.request"]._cron_expire()
        self.assertEqual(request.state, "expired")
        self.env["sale.order.access.request"]._cron_expire()
        self.assertEqual(
            self.env["sale.order.access.log"].search_count(
                [("request_id", "=", request.id), ("event", "=", "expire")]
            ),
            1,
        )

    def test_own_request_not_approved_by_requester(self):
        request = self._request()
        request.action_submit()
        with self.assertRaisesRegex(UserError, "someone else"):
            request.validate_tier()
        with self.assertRaisesRegex(UserError, "someone else"):
            request.reject_tier()
        self.assertEqual(request.state, "to_approve")

    def test_refused_and_revoked(self):
        request = self._request()
        request.action_submit()
        request.with_user(self.users["saleshead"]).reject_tier()
        self.assertEqual(request.state, "refused")
        with self.assertRaises(AccessError):
            self.order.with_user(self.requester).read(["name"])
        granted = self._granted()
        # only an approver revokes
        with self.assertRaises(UserError):
            granted.action_revoke()
        granted.with_user(self.users["saleshead"]).action_revoke()
        self.assertEqual(granted.state, "cancelled")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.order.with_user(self.requester).read(["name"])

    def test_bad_requests(self):
        # not an archived order
        with self.assertRaisesRegex(ValidationError, "no archived order"):
            self._request(order_name=self._create_order(self.users["sales"]).name)
        with self.assertRaisesRegex(ValidationError, "no archived order"):
            self._request(order_name="S-NONE")
        # no grant longer than the limit
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._request(duration_days=90)
        # who can read the order needs no request
        own = self.env["sale.order.access.request"].with_user(self.users["sales"])
        request = own.create({"order_name": self.order.name, "reason": "mine"})
        with self.assertRaisesRegex(UserError, "already read"):
            request.action_submit()
        # a request changes only through its actions
        mine = self._request()
        with self.assertRaises(UserError):
            mine.write({"state": "granted"})
        with self.assertRaises(UserError):
            mine.write({"date_end": fields.Datetime.now() + timedelta(days=300)})
        mine.action_submit()
        with self.assertRaises(UserError):
            mine.write({"duration_days": 30})
        with self.assertRaises(UserError):
            mine.unlink()

    def test_archive_menu(self):
        """The Archive section of Orders: each role sees the entries its
        groups open, and the section whenever one is."""
        Menu = self.env["ir.ui.menu"]
        section = self.env.ref("sale_order_archive.menu_order_archive")
        archived = self.env.ref("sale_order_archive.sale_order_archive_menu")
        access = self.env.ref("sale_order_archive.sale_order_access_request_menu")
        approve = self.env.ref(
            "sale_order_archive.sale_order_access_request_menu_review"
        )
        log = self.env.ref("sale_order_archive.sale_order_access_log_menu")
        self.assertFalse(section.groups_id)
        self.assertEqual(
            section.parent_id, self.env.ref("order_handling_base.menu_orders")
        )
        self.assertEqual((archived | access | approve | log).parent_id, section)

        def visible(role):
            ids = Menu.with_user(self.users[role])._visible_menu_ids()
            return {
                menu for menu in (archived, access, approve, log) if menu.id in ids
            }, section.id in ids

        # a department asks to read an archived order, and sees no more
        self.assertEqual(visible("warehouse"), ({access}, True))
        self.assertEqual(visible("sales"), ({access}, True))
        self.assertEqual(visible("clerk"), ({archived, access}, True))
        self.assertEqual(visible("saleshead"), ({archived, access, approve, log}, True))
        # the general manager is an order-handling manager
        self.assertEqual(visible("gm"), ({archived, access, approve, log}, True))
        # anyone of Order Handling may ask to read an archived order
        self.assertEqual(visible("member"), ({access}, True))

    def test_requests_are_private(self):
        request = self._request()
        with self.assertRaises(AccessError):
            request.with_user(self.users["sales"]).read(["reason"])
        self.assertTrue(request.with_user(self.users["saleshead"]).read(["reason"]))

    def test_read_log_query_count(self):
        """Reading an order costs at most one query more, to look for grants
        (2 or 3 queries in all, depending on what is cached)."""
        order = self._done_order().with_user(self.users["sales"])
        order.read(["name"])
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            order.read(["name"])

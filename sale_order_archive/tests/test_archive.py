# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .archive_common import ArchiveOrderCommon


class ArchiveCommon(ArchiveOrderCommon):
    """Done orders (confirmed and fully delivered) of the salesperson, a
    sales team led by the sales head, and a general manager to alert."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "sale_order_approval" in cls.company._fields:
            cls.company.sale_order_approval = False
        cls.team = cls._new_sales_team()
        cls.users["sales2"] = cls._new_user(
            "oh_sales2", "order_handling_base.group_salesperson"
        )

        # a sales administrator, who may delete quotations
        cls.users["sales_admin"] = cls._new_user(
            "oh_sales_admin",
            "order_handling_base.group_manager,sales_team.group_sale_manager",
        )

    @classmethod
    def _done_order(cls, user="sales", transfer=("warehouse",)):
        order = cls._confirmed_order(user=user, transfer=transfer)
        order.team_id = cls.team
        for move in order.picking_ids.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        order.picking_ids._action_done()
        return order

    def _archive(self, order, role="clerk"):
        return order.with_user(self.users[role])._governance_archive()


@tagged("post_install", "-at_install")
class TestArchive(ArchiveCommon):
    def test_archive_snapshot_and_checksum(self):
        order = self._done_order()
        self.assertTrue(order.with_user(self.users["clerk"]).can_governance_archive)
        archive = self._archive(order)
        self.assertEqual(order.governance_archive_id, archive)
        self.assertTrue(order.governance_archived)
        self.assertRegex(archive.name, r"^ARC/")
        # the order and its delivery slip, as documents of the archive
        self.assertEqual(len(archive.attachment_ids), 2)
        self.assertTrue(all(a.raw for a in archive.attachment_ids))
        self.assertEqual(
            set(archive.attachment_ids.mapped("res_model")), {"sale.order.archive"}
        )
        # canonical JSON: sorted keys, stable
        data = json.loads(archive.snapshot_json)
        self.assertEqual(
            archive.snapshot_json,
            json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        )
        self.assertEqual(set(data), {"header", "lines", "deliveries", "amounts"})
        self.assertEqual(data["header"]["name"], order.name)
        self.assertEqual(len(data["lines"]), 2)
        self.assertEqual(data["amounts"]["total"], "%.2f" % order.amount_total)
        self.assertEqual(data["deliveries"][0]["state"], "done")
        # HMAC-SHA256 keyed with the database's secret, over the archive and
        # its order, the JSON and the documents
        secret = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("sale_order_governance.archive_secret")
        )
        digest = hmac.new(secret.encode(), digestmod=hashlib.sha256)
        digest.update(b"sale.order.archive\0%d\0%d\0" % (archive.id, order.id))
        digest.update(archive.snapshot_json.encode())
        for attachment in archive.attachment_ids.sorted(lambda a: (a.name, a.id)):
            digest.update(b"\0" + attachment.name.encode() + b"\0")
            digest.update(hashlib.sha256(attachment.raw).digest())
        self.assertEqual(archive.checksum, digest.hexdigest())
        archive.with_user(self.users["saleshead"]).action_verify()
        self.assertEqual(archive.integrity, "intact")

    def test_archive_refused(self):
        # not delivered yet
        order = self._confirmed_order()
        with self.assertRaisesRegex(UserError, "not fully delivered"):
            self._archive(order)
        self.assertFalse(order.governance_archive_id)
        done = self._done_order()
        # the salesperson does not archive
        with self.assertRaises(AccessError):
            self._archive(done, "sales")
        self.assertFalse(done.with_user(self.users["sales"]).can_governance_archive)
        self._archive(done)
        with self.assertRaisesRegex(UserError, "already archived"):
            self._archive(done, "manager")
        # with the intake on, logistics completes the order first
        other = self._done_order()
        self.company.intake_required = True
        with self.assertRaisesRegex(UserError, "not completed by logistics"):
            self._archive(other)

    def test_archived_order_read_only_and_kept(self):
        order = self._done_order()
        archive = self._archive(order)
        fnames = ["note", "client_order_ref", "governance_archive_id", "order_line"]
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("sales", order).write({"note": "changed"}),
            fnames,
            regex="archived",
        )
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("manager", order.order_line[0]).write({"name": "x"}),
            fnames,
            regex="archived",
        )
        self.assertRefused(
            UserError,
            order,
            lambda: self._as("sales_admin", order).unlink(),
            fnames,
        )
        # the archive itself cannot be changed nor deleted
        with self.assertRaises(UserError):
            archive.with_user(self.users["manager"]).write({"checksum": "0"})
        with self.assertRaises(UserError):
            archive.unlink()

    def test_checksum_catches_changed_line(self):
        order = self._done_order()
        archive = self._archive(order)
        line = order.order_line[0]
        # behind the application's back: straight in the database
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order_line SET price_unit = price_unit + 1 WHERE id = %s",
                line.id,
            )
        )
        self.env.invalidate_all()
        gm = self.users["gm"]
        archive.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(archive.integrity, "tampered")
        self.assertIn("lines", archive.tamper_detail)
        activity_type = self.env.ref(
            "sale_order_archive.mail_activity_type_archive_tampered"
        )
        activities = archive.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        # the head of the sales team acts on it
        self.assertEqual(activities.user_id, self.users["saleshead"])
        alert = archive.message_ids.filtered(lambda m: "tampered" in (m.body or ""))
        self.assertTrue(alert)
        self.assertIn(gm.partner_id, alert.partner_ids)
        self.assertTrue(
            order.message_ids.filtered(lambda m: "tampered" in (m.body or ""))
        )
        # idempotent: the nightly run reports it once
        self.env["sale.order.archive"]._cron_verify()
        self.assertEqual(
            len(
                archive.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                )
            ),
            1,
        )

    def test_checksum_catches_changed_document(self):
        order = self._done_order()
        archive = self._archive(order)
        archive.attachment_ids[0].sudo().write({"raw": b"%PDF-1.4 forged"})
        archive.with_user(self.users["manager"]).action_verify()
        self.assertEqual(archive.integrity, "tampered")
        self.assertIn("checksum", archive.tamper_detail)

    def test_verify_refused_to_other_roles(self):
        archive = self._archive(self._done_order())
        for role in ("sales", "warehouse", "workshop"):
            with self.assertRaises(AccessError):
                archive.with_user(self.users[role]).action_verify()

    def test_verify_query_count(self):
        archive = self._archive(self._done_order())
        clerk_archive = archive.with_user(self.users["clerk"])
        clerk_archive.action_verify()
        self.env.invalidate_all()
        # a minute later, as any real second check: the verification date is
        # written (in the same second it would be unchanged, and not written)
        with freeze_time(datetime.now() + timedelta(minutes=1)):
            with self.assertQueryCount(25):
                clerk_archive.action_verify()
        self.assertEqual(archive.integrity, "intact")

    def test_cron_batches(self):
        """The nightly run reads N archives in the queries of one."""
        Archive = self.env["sale.order.archive"]
        archives = Archive.browse()
        for __ in range(3):
            archives |= self._archive(self._done_order())
        archives._verify()  # warm the registry caches (xmlids, groups)
        counts = []
        # each run at its own time, as the nightly runs: the verification
        # date is written in both (in the same second it would not be)
        for minutes, batch in ((1, archives[:1]), (2, archives)):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with freeze_time(datetime.now() + timedelta(minutes=minutes)):
                batch._verify()
                self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "verify is not batched")
        self.assertTrue(Archive._cron_verify())
        self.assertEqual(set(archives.mapped("integrity")), {"intact"})

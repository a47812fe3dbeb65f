# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json
import secrets

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..models.sale_order_archive import canonical_json
from .test_archive import ArchiveCommon

SECRET_PARAM = "sale_order_governance.archive_secret"


def unkeyed_sha256(snapshot_json, attachments):
    """The checksum of the archives before 18.0.1.1.0, which anybody can
    compute: SHA-256 over the JSON, then the name and SHA-256 of every
    document in name order."""
    digest = hashlib.sha256(snapshot_json.encode())
    for attachment in attachments.sorted(lambda a: (a.name, a.id)):
        digest.update(b"\0" + attachment.name.encode() + b"\0")
        digest.update(hashlib.sha256(attachment.raw).digest())
    return digest.hexdigest()


def guessed_hmac(archive, snapshot_json, attachments):
    """The archive's HMAC-SHA256 as computed with a key of one's own."""
    digest = hmac.new(secrets.token_hex(32).encode(), digestmod=hashlib.sha256)
    digest.update(b"sale.order.archive\0%d\0%d\0" % (archive.id, archive.order_id.id))
    digest.update(snapshot_json.encode())
    for attachment in attachments.sorted(lambda a: (a.name, a.id)):
        digest.update(b"\0" + attachment.name.encode() + b"\0")
        digest.update(hashlib.sha256(attachment.raw).digest())
    return digest.hexdigest()


@tagged("post_install", "-at_install")
class TestArchiveIntegrity(ArchiveCommon):
    """The archive's checksum (R7.6) does not depend on who archives or
    verifies, in which language, and is keyed: rewriting the snapshot with
    a checksum anybody can compute is detected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # translatable names that the snapshot holds
        cls.product.with_context(lang="zh_CN").name = "离心泵 GP-20"
        cls.product2.with_context(lang="zh_CN").name = "齿轮泵 GP-40"
        cls.users["clerk"].write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        cls.users["saleshead"].write({"lang": "en_US", "tz": "Europe/Berlin"})

    def _in_context_of(self, records, role):
        """``records`` as ``role`` in the web client: with the user's
        language and time zone in the context."""
        user = self.users[role]
        return records.with_user(user).with_context(lang=user.lang, tz=user.tz)

    def _run_cron(self):
        """The nightly verification, as the scheduler runs it (its user, no
        language)."""
        cron = self.env.ref("sale_order_archive.ir_cron_sale_order_archive_verify")
        cron.method_direct_trigger()

    def test_archived_in_chinese_intact_in_english(self):
        order = self._done_order()
        clerk_order = self._in_context_of(order, "clerk")
        # the order's data, as read in Chinese, are not as read in English
        self.assertIn("离心泵", canonical_json(clerk_order._governance_snapshot_data()))
        archive = clerk_order._governance_archive()
        # canonical: no translated name
        self.assertNotIn("离心泵", archive.snapshot_json)
        self.assertIn("Gear pump GP-20", archive.snapshot_json)
        self._in_context_of(archive, "saleshead").action_verify()
        self.assertEqual(archive.integrity, "intact")
        self._run_cron()
        self.assertEqual(archive.integrity, "intact")
        self.assertFalse(archive.tamper_detail)
        self._in_context_of(archive, "clerk").action_verify()
        self.assertEqual(archive.integrity, "intact")

    def test_archived_in_english_intact_in_chinese(self):
        order = self._done_order()
        archive = self._in_context_of(order, "saleshead")._governance_archive()
        self.assertIn("Gear pump GP-40", archive.snapshot_json)
        self._in_context_of(archive, "clerk").action_verify()
        self.assertEqual(archive.integrity, "intact")
        self._run_cron()
        self.assertEqual(archive.integrity, "intact")

    def test_rewritten_snapshot_and_checksum_detected(self):
        """Who can write the database but does not hold the secret changes the
        order and rewrites its snapshot to match, with a fresh checksum: the
        verification still reports it."""
        order = self._done_order()
        archive = self._archive(order)
        line = order.order_line[0]
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order_line SET price_unit = price_unit + 1 WHERE id = %s",
                line.id,
            )
        )
        self.env.invalidate_all()
        forged = canonical_json(order._governance_snapshot())
        self.assertNotEqual(forged, archive.snapshot_json)
        for checksum in (
            unkeyed_sha256(forged, archive.attachment_ids),
            # or an HMAC with a key of its own
            guessed_hmac(archive, forged, archive.attachment_ids),
        ):
            with self.subTest(checksum=checksum):
                archive.sudo().write({"snapshot_json": forged, "checksum": checksum})
                self.assertEqual(canonical_json(order._governance_snapshot()), forged)
                archive.with_user(self.users["clerk"]).action_verify()
                self.assertEqual(archive.integrity, "tampered")
                self.assertIn("checksum", archive.tamper_detail)
                self.assertNotIn("no longer matches", archive.tamper_detail)

    def test_secret_made_at_install_and_hidden(self):
        Params = self.env["ir.config_parameter"]
        secret = Params.sudo().search([("key", "=", SECRET_PARAM)])
        self.assertEqual(len(secret), 1)
        self.assertRegex(secret.value, r"^[0-9a-f]{64}$")
        # only the system group reads it
        for role in ("saleshead", "clerk", "manager"):
            with self.subTest(role=role):
                params = Params.with_user(self.users[role])
                with self.assertRaises(AccessError):
                    params.search([("key", "=", SECRET_PARAM)])
                with self.assertRaises(AccessError):
                    secret.with_user(self.users[role]).read(["value"])
                with self.assertRaises(AccessError):
                    params.get_param(SECRET_PARAM)
        # nor is it in the archive, which the clerk still seals and verifies
        archive = self._archive(self._done_order())
        self.assertNotIn(secret.value, archive.snapshot_json + archive.checksum)
        archive.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(archive.integrity, "intact")

    def test_secret_made_when_missing(self):
        archive = self._archive(self._done_order())
        self.env["ir.config_parameter"].sudo().search(
            [("key", "=", SECRET_PARAM)]
        ).unlink()
        # the archive sealed with the lost secret can no longer be trusted
        with mute_logger("odoo.addons.sale_order_archive.models.sale_order_archive"):
            archive.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(archive.integrity, "tampered")
        secret = self.env["ir.config_parameter"].sudo().get_param(SECRET_PARAM)
        self.assertRegex(secret, r"^[0-9a-f]{64}$")
        # archives made from now on are sealed with the new one
        other = self._archive(self._done_order())
        other.with_user(self.users["clerk"]).action_verify()
        self.assertEqual(other.integrity, "intact")

    # ------------------------------------------------------------------
    # Re-sealing the archives of before 18.0.1.1.0
    # ------------------------------------------------------------------

    def _seal_the_old_way(self, archive, lang="zh_CN"):
        """``archive`` as archived before 18.0.1.1.0 by a user in ``lang``:
        the snapshot as read in that language, its unkeyed SHA-256."""
        data = archive.order_id.with_context(lang=lang)._governance_snapshot_data()
        snapshot = canonical_json(data)
        archive.sudo().write(
            {
                "snapshot_json": snapshot,
                "checksum": unkeyed_sha256(snapshot, archive.attachment_ids),
            }
        )
        return snapshot

    def test_reseal_legacy_archive(self):
        order = self._done_order()
        archive = self._archive(order)
        legacy = self._seal_the_old_way(archive)
        self.assertIn("离心泵", legacy)
        legacy_checksum = archive.checksum
        archive._verify()
        self.assertEqual(archive.integrity, "tampered")
        resealed = archive.sudo()._reseal()
        self.assertEqual(resealed, archive)
        # canonical snapshot, keyed checksum: intact for every verifier
        self.assertEqual(
            archive.snapshot_json, canonical_json(order._governance_snapshot())
        )
        self.assertNotIn("离心泵", archive.snapshot_json)
        self.assertRegex(archive.checksum, r"^[0-9a-f]{64}$")
        unkeyed = unkeyed_sha256(archive.snapshot_json, archive.attachment_ids)
        self.assertNotEqual(archive.checksum, unkeyed)
        self._run_cron()
        self.assertEqual(archive.integrity, "intact")
        self._in_context_of(archive, "clerk").action_verify()
        self.assertEqual(archive.integrity, "intact")
        # logged in the archive's chatter, with both checksums
        note = archive.message_ids.filtered(lambda m: "re-sealed" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(legacy_checksum, note.body)
        self.assertIn(archive.checksum, note.body)
        # sealed already: left as it is
        self.assertFalse(archive.sudo()._reseal())

    def test_reseal_keeps_snapshot_of_changed_order(self):
        """An order changed since it was archived is not made to match: the
        stored snapshot is sealed as it is, and the change still reported."""
        order = self._done_order()
        archive = self._archive(order)
        legacy = self._seal_the_old_way(archive, lang=None)
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order_line SET price_unit = price_unit + 1 WHERE id = %s",
                order.order_line[0].id,
            )
        )
        self.env.invalidate_all()
        self.assertEqual(archive.sudo()._reseal(), archive)
        self.assertEqual(archive.snapshot_json, legacy)
        self._run_cron()
        self.assertEqual(archive.integrity, "tampered")
        self.assertIn("lines", archive.tamper_detail)
        self.assertNotIn("checksum", archive.tamper_detail)

    def test_reseal_leaves_forged_archive(self):
        """Stored data that no longer match their old checksum are not
        sealed again: the verification reports them."""
        archive = self._archive(self._done_order())
        legacy = self._seal_the_old_way(archive, lang=None)
        checksum = archive.checksum
        data = json.loads(legacy)
        data["amounts"]["total"] = "1.00"
        archive.sudo().write({"snapshot_json": canonical_json(data)})
        self.assertFalse(archive.sudo()._reseal())
        self.assertEqual(archive.checksum, checksum)
        self._run_cron()
        self.assertEqual(archive.integrity, "tampered")
        self.assertIn("checksum", archive.tamper_detail)
        self.assertIn("amounts", archive.tamper_detail)

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json
import logging
import secrets

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import split_every
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)

# the per-database key of the archive checksums, readable by the system group
# only (ir.config_parameter); made at install, or when first needed
# the key keeps the name it had when the archive was part of
# sale_order_governance: the checksums of existing databases are keyed with it
SECRET_PARAM = "sale_order_governance.archive_secret"

VERIFIERS = (
    roles.LOGISTICS_CLERK,
    roles.SALES_HEAD,
    roles.MANAGER,
)


def canonical_json(data):
    """Stable text of ``data``: sorted keys, no whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class SaleOrderArchive(models.Model):
    """The archive (归档) of a done order (R7.6): PDFs of the order, of its
    deliveries and of its reviews, a canonical JSON of its key data (the same
    in every language, for every user) and an HMAC-SHA256 checksum over both,
    keyed with a secret of the database that is not stored with the archive.
    ``action_verify`` and the nightly cron detect any later change of the
    stored documents or of the live order, and a rewrite of the snapshot
    together with its checksum by whoever does not hold the secret."""

    _name = "sale.order.archive"
    _inherit = [
        "order.handling.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "order.handling.button.mixin",
    ]
    _description = "Order Archive"
    _order = "id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    archived_uid = fields.Many2one("res.users", string="Archived by", readonly=True)
    archived_date = fields.Datetime(string="Archived on", readonly=True)
    snapshot_json = fields.Text(
        string="Snapshot",
        readonly=True,
        help="Canonical JSON (sorted keys) of the order's key data when archived, "
        "the same whoever archives it, in whatever language: codes, ids, numbers, "
        "UTC dates and untranslated names.",
    )
    checksum = fields.Char(
        string="HMAC-SHA256",
        readonly=True,
        help="Over the snapshot and the PDFs, keyed with the database's archive "
        "secret (system parameter sale_order_governance.archive_secret): "
        "without the secret, the snapshot cannot be rewritten with a matching "
        "checksum.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "sale_order_archive_attachment_rel",
        "archive_id",
        "attachment_id",
        string="Documents",
        readonly=True,
    )
    integrity = fields.Selection(
        [("intact", "Intact"), ("tampered", "Tampered")],
        default="intact",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    verified_date = fields.Datetime(string="Last Verified", readonly=True)
    tamper_detail = fields.Text(string="Differences Found", readonly=True)
    can_verify = fields.Boolean(compute="_compute_can_buttons")

    _sql_constraints = [
        ("order_unique", "unique(order_id)", "An order is archived only once."),
    ]

    # ------------------------------------------------------------------
    # Creation
    # ------------------------------------------------------------------

    @api.model
    def _create_for_orders(self, orders):
        """One archive per order, with its documents (called in sudo by
        ``sale.order.action_governance_archive`` after its checks)."""
        now = fields.Datetime.now()
        archives = self.create(
            [
                {
                    "name": self.env["ir.sequence"]
                    .with_company(order.company_id)
                    .next_by_code("sale.order.archive")
                    or "/",
                    "order_id": order.id,
                    "partner_id": order.partner_id.id,
                    "company_id": order.company_id.id,
                    "archived_uid": self.env.uid,
                    "archived_date": now,
                    "snapshot_json": canonical_json(order._governance_snapshot()),
                }
                for order in orders
            ]
        )
        for archive in archives:
            attachments = archive._render_documents()
            archive.write(
                {
                    "attachment_ids": [Command.set(attachments.ids)],
                    "checksum": archive._compute_checksum(
                        archive.snapshot_json, attachments
                    ),
                    "verified_date": now,
                }
            )
            archive.order_id.write({"governance_archive_id": archive.id})
            archive.message_post(
                body=self.env._(
                    "Order archived with %(count)s documents; checksum %(checksum)s.",
                    count=len(attachments),
                    checksum=archive.checksum,
                )
            )
            archive.order_id.message_post(
                body=Markup("%s <a href='#' data-oe-model='%s' data-oe-id='%s'>%s</a>")
                % (
                    self.env._("Order archived:"),
                    archive._name,
                    archive.id,
                    archive.name,
                )
            )
        return archives

    def _get_document_reports(self):
        """Hook: ``(report xmlid, records)`` to render into the archive. The
        review form comes from sale_order_review when it is installed, without
        depending on it."""
        self.ensure_one()
        order = self.order_id
        deliveries = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state == "done"
        ).sorted("id")
        documents = [
            ("sale.action_report_saleorder", order),
            ("stock.action_report_delivery", deliveries),
        ]
        if "order_review_ids" in order._fields:
            documents.append(
                (
                    "sale_order_review.action_report_review_form",
                    order.order_review_ids.sorted("id"),
                )
            )
        return documents

    def _render_documents(self):
        """Render every document as PDF, stored as attachments of the archive."""
        self.ensure_one()
        Report = self.env["ir.actions.report"]
        vals_list = []
        for xmlid, records in self._get_document_reports():
            report = self.env.ref(xmlid, raise_if_not_found=False)
            if not report or not records:
                continue
            for record in records:
                content, __ = Report._render_qweb_pdf(report, record.ids)
                vals_list.append(
                    {
                        "name": f"{self.name} - {record.display_name}.pdf".replace(
                            "/", "-"
                        ),
                        "raw": content,
                        "mimetype": "application/pdf",
                        "res_model": self._name,
                        "res_id": self.id,
                        "company_id": self.company_id.id,
                    }
                )
        return self.env["ir.attachment"].create(vals_list)

    # ------------------------------------------------------------------
    # Checksum and verification
    # ------------------------------------------------------------------

    @api.model
    def _init_archive_secret(self):
        """Make the key of the archive checksums when there is none
        (installation, migration to 18.0.1.1.0) and return it. Kept with
        sudo in ``ir.config_parameter``, which only the system group reads."""
        params = self.env["ir.config_parameter"].sudo()
        secret = params.get_param(SECRET_PARAM)
        if not secret:
            secret = secrets.token_hex(32)
            params.set_param(SECRET_PARAM, secret)
        return secret

    @api.model
    def _get_archive_secret(self):
        """The key of the archive checksums, made when it is missing."""
        secret = self.env["ir.config_parameter"].sudo().get_param(SECRET_PARAM)
        if not secret:
            _logger.warning(
                "The order archive secret (system parameter %s) is missing and "
                "is made now: archives sealed before, if any, are reported "
                "tampered at their next verification.",
                SECRET_PARAM,
            )
            secret = self._init_archive_secret()
        return secret

    def _checksum_message(self, digest, snapshot_json, attachments):
        """Feed ``digest`` with what the checksum covers: the JSON, then the
        name and the SHA-256 of every document, in name order."""
        digest.update((snapshot_json or "").encode("utf-8"))
        for attachment in attachments.sorted(lambda a: (a.name, a.id)):
            digest.update(b"\0" + attachment.name.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(attachment.raw or b"").digest())
        return digest

    def _compute_checksum(self, snapshot_json, attachments):
        """HMAC-SHA256 of the archive ``self``, keyed with the database's
        archive secret, over its id and its order's, the JSON and the
        documents (bound to the archive: a sealed snapshot does not move to
        another one)."""
        self.ensure_one()
        mac = hmac.new(self._get_archive_secret().encode(), digestmod=hashlib.sha256)
        mac.update(b"sale.order.archive\0%d\0%d\0" % (self.id, self.order_id.id))
        return self._checksum_message(mac, snapshot_json, attachments).hexdigest()

    @api.model
    def _compute_legacy_checksum(self, snapshot_json, attachments):
        """The unkeyed SHA-256 of the archives made before 18.0.1.1.0, for
        ``_reseal`` only: anybody can recompute it."""
        digest = hashlib.sha256()
        return self._checksum_message(digest, snapshot_json, attachments).hexdigest()

    def _checksum_matches(self):
        self.ensure_one()
        return hmac.compare_digest(
            self._compute_checksum(self.snapshot_json, self.attachment_ids),
            self.checksum or "",
        )

    def _find_differences(self):
        """What no longer matches the archive, as a list of sentences."""
        self.ensure_one()
        differences = []
        if not self._checksum_matches():
            differences.append(
                self.env._(
                    "The stored snapshot or documents do not match their checksum."
                )
            )
        live = canonical_json(self.order_id._governance_snapshot())
        if live != self.snapshot_json:
            try:
                stored = json.loads(self.snapshot_json or "{}")
            except ValueError:
                stored = {}
            current = json.loads(live)
            parts = sorted(
                key
                for key in set(stored) | set(current)
                if stored.get(key) != current.get(key)
            )
            differences.append(
                self.env._(
                    "The order no longer matches its snapshot (%(parts)s).",
                    parts=", ".join(parts) or "-",
                )
            )
        return differences

    def _refuse_verify(self):
        """Verify: the logistics clerk, the sales head or an administrator,
        at any time."""
        if self.env.su or any(self.env.user.has_group(g) for g in VERIFIERS):
            return ""
        return AccessError(
            self.env._(
                "Only the logistics clerk, the sales head or an administrator can "
                "verify order archives."
            )
        )

    def action_verify(self):
        """Check the archive now; tampering alerts the managers."""
        self._ensure_can("verify")
        self.check_access("read")
        self.sudo()._verify()
        return True

    def _verify(self):
        """Verify ``self`` (batched: the orders, lines, deliveries and
        documents are read for the whole recordset). Safe to run twice: an
        archive already reported with the same differences is not reported
        again."""
        now = fields.Datetime.now()
        self._prefetch_verification()
        tampered = self.browse()
        intact = self.browse()
        for archive in self:
            differences = archive._find_differences()
            if not differences:
                intact |= archive
                continue
            detail = "\n".join(differences)
            if archive.integrity == "tampered" and archive.tamper_detail == detail:
                continue  # reported already
            archive.write({"integrity": "tampered", "tamper_detail": detail})
            tampered |= archive
        intact.filtered(lambda a: a.integrity != "intact").write(
            {"integrity": "intact", "tamper_detail": False}
        )
        self.write({"verified_date": now})
        tampered._alert_tampered()
        return tampered

    def _prefetch_verification(self):
        """Read what the snapshots and the checksums read, for the whole
        batch."""
        orders = self.order_id
        orders.order_line.mapped("product_id")
        orders.picking_ids.move_ids.mapped("product_id")
        self.attachment_ids.mapped("raw")

    def _get_alert_users(self):
        """Hook: who is alerted of a tampered archive: the general managers
        and the sales heads of the archive's company."""
        self.ensure_one()
        groups = self.env.ref(roles.GENERAL_MANAGER) | self.env.ref(roles.SALES_HEAD)
        return groups.users.filtered(
            lambda u: self.company_id in u.company_ids and not u.share
        )

    def _alert_tampered(self):
        assignments = []
        for archive in self:
            users = archive._get_alert_users()
            # the activities in each assignee's language, the messages in
            # the acting env's
            text = _lt(
                "Archive %(archive)s of order %(order)s was tampered with: %(detail)s",
                archive=archive.name,
                order=archive.order_id.name,
                detail=archive.tamper_detail,
            )
            body = self.env._(text)
            archive.message_post(
                body=body,
                partner_ids=users.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            archive.order_id.message_post(body=body)
            # the head of the order's sales team acts on it; without one, the
            # general managers
            assignees = archive.order_id.team_id.user_id or users.filtered(
                lambda u: u.has_group(roles.GENERAL_MANAGER)
            )
            assignments += [(archive, user, {"note": text}) for user in assignees]
        # one create for all archives and assignees
        schedule_activities(
            assignments,
            "sale_order_archive.mail_activity_type_archive_tampered",
            notify=True,
            follow=True,
        )

    @api.model
    def _cron_verify(self, batch_size=500):
        """Nightly: verify every archive, in batches."""
        for ids in split_every(batch_size, self.search([]).ids):
            self.browse(ids)._verify()
            self.env.invalidate_all()
        return True

    # ------------------------------------------------------------------
    # Re-sealing the archives made before the keyed checksum
    # ------------------------------------------------------------------

    def _snapshot_matches_order_in_a_language(self):
        """Whether the stored snapshot is the live order's as the snapshot
        was read before 18.0.1.1.0: in the archiving user's language, or in
        another installed one, or in none."""
        self.ensure_one()
        order = self.order_id.sudo()
        langs = [self.archived_uid.lang, False]
        langs += [code for code, __ in self.env["res.lang"].get_installed()]
        for lang in dict.fromkeys(langs):
            snapshot = order.with_context(lang=lang)._governance_snapshot_data()
            if canonical_json(snapshot) == self.snapshot_json:
                return True
        return False

    def _reseal(self, batch_size=200):
        """Seal ``self`` again with the keyed checksum, in batches, when its
        stored snapshot and documents still match their unkeyed SHA-256 of
        before 18.0.1.1.0 (the migration to it calls this). The snapshot is
        rebuilt in its canonical form when the live order still matches it
        (in the language it was read in); otherwise the stored one is kept
        and sealed, so that the verification goes on reporting the order's
        changes. An archive whose stored data no longer match their old
        checksum is left as it is: the verification reports it. Archives
        sealed with the key already are skipped. Run as the superuser (an
        archive is written only so). Returns the re-sealed archives."""
        resealed = self.browse()
        for ids in split_every(batch_size, self.ids):
            batch = self.browse(ids)
            batch._prefetch_verification()
            bodies = {}
            for archive in batch:
                if archive._checksum_matches():
                    continue
                legacy = self._compute_legacy_checksum(
                    archive.snapshot_json, archive.attachment_ids
                )
                if not hmac.compare_digest(legacy, archive.checksum or ""):
                    continue
                snapshot = archive.snapshot_json
                if archive._snapshot_matches_order_in_a_language():
                    snapshot = canonical_json(archive.order_id._governance_snapshot())
                archive.write(
                    {
                        "snapshot_json": snapshot,
                        "checksum": archive._compute_checksum(
                            snapshot, archive.attachment_ids
                        ),
                    }
                )
                bodies[archive.id] = self.env._(
                    "Archive re-sealed with the keyed checksum (HMAC-SHA256) "
                    "%(checksum)s, replacing the unkeyed SHA-256 %(legacy)s.",
                    checksum=archive.checksum,
                    legacy=legacy,
                )
                resealed |= archive
            self.browse(list(bodies))._message_log_batch(bodies=bodies)
            self.env.invalidate_all()
        return resealed

    # ------------------------------------------------------------------
    # Records of the company
    # ------------------------------------------------------------------

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("Order archives cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Order archives cannot be deleted."))

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import json

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import split_every

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

VERIFIERS = (
    "order_handling_base.group_logistics_clerk",
    "order_handling_base.group_sales_head",
    "order_handling_base.group_manager",
)


def canonical_json(data):
    """Stable text of ``data``: sorted keys, no whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class SaleOrderArchive(models.Model):
    """The archive (归档) of a done order (R7.6): PDFs of the order, of its
    deliveries and of its reviews, a canonical JSON of its key data and a
    SHA-256 checksum over both. ``action_verify`` and the nightly cron detect
    any later change of the stored documents or of the live order."""

    _name = "sale.order.archive"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        help="Canonical JSON (sorted keys) of the order's key data when archived.",
    )
    checksum = fields.Char(
        string="SHA-256", readonly=True, help="Over the snapshot and the PDFs."
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
                    "snapshot_json": canonical_json(order._governance_snapshot_data()),
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
    def _compute_checksum(self, snapshot_json, attachments):
        """SHA-256 over the JSON, then over the name and the SHA-256 of every
        document, in name order."""
        digest = hashlib.sha256((snapshot_json or "").encode("utf-8"))
        for attachment in attachments.sorted(lambda a: (a.name, a.id)):
            digest.update(b"\0" + attachment.name.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(attachment.raw or b"").digest())
        return digest.hexdigest()

    def _find_differences(self):
        """What no longer matches the archive, as a list of sentences."""
        self.ensure_one()
        differences = []
        if self._compute_checksum(self.snapshot_json, self.attachment_ids) != (
            self.checksum
        ):
            differences.append(
                self.env._(
                    "The stored snapshot or documents do not match their checksum."
                )
            )
        live = canonical_json(self.order_id._governance_snapshot_data())
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

    def _check_verifier(self):
        if self.env.su or any(self.env.user.has_group(g) for g in VERIFIERS):
            return
        raise AccessError(
            self.env._(
                "Only the logistics clerk, the sales head or an administrator can "
                "verify order archives."
            )
        )

    def action_verify(self):
        """Check the archive now; tampering alerts the managers."""
        self._check_verifier()
        self.check_access("read")
        self.sudo()._verify()
        return True

    def _verify(self):
        """Verify ``self`` (batched: the orders, lines, deliveries and
        documents are read for the whole recordset). Safe to run twice: an
        archive already reported with the same differences is not reported
        again."""
        now = fields.Datetime.now()
        # prefetch what the snapshot reads, for the whole batch
        orders = self.order_id
        orders.order_line.mapped("product_id")
        orders.picking_ids.move_ids.mapped("product_id")
        self.attachment_ids.mapped("raw")
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

    def _get_alert_users(self):
        """Hook: who is alerted of a tampered archive: the general managers
        and the sales heads of the archive's company."""
        self.ensure_one()
        groups = self.env.ref(
            "order_handling_base.group_general_manager"
        ) | self.env.ref("order_handling_base.group_sales_head")
        return groups.users.filtered(
            lambda u: self.company_id in u.company_ids and not u.share
        )

    def _alert_tampered(self):
        assignments = []
        for archive in self:
            users = archive._get_alert_users()
            body = self.env._(
                "Archive %(archive)s of order %(order)s was tampered with: %(detail)s",
                archive=archive.name,
                order=archive.order_id.name,
                detail=archive.tamper_detail,
            )
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
                lambda u: u.has_group("order_handling_base.group_general_manager")
            )
            assignments += [(archive, user, {"note": body}) for user in assignees]
        # one create for all archives and assignees
        schedule_activities(
            assignments,
            "sale_order_governance.mail_activity_type_archive_tampered",
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
    # Records of the company
    # ------------------------------------------------------------------

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("Order archives cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Order archives cannot be deleted."))

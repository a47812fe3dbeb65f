# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleFollowupNoticeCancel(models.TransientModel):
    _name = "sale.followup.notice.cancel"
    _description = "Cancel Production Notice"

    notice_ids = fields.Many2many("sale.followup.notice", string="Notices")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        return self.notice_ids.action_cancel(self.reason)

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        """Refuse the order-confirmation template on quotations whose approval
        is pending: the composer lets anybody pick any template (R7.1)."""
        for composer in self.filtered(
            lambda c: c.model == "sale.order" and c.template_id
        ):
            orders = self.env["sale.order"].browse(composer._evaluate_res_ids())
            for order in orders.exists():
                if composer.template_id == order._get_confirmation_template():
                    order._governance_check_confirmation_mail()
        return super()._action_send_mail(auto_commit=auto_commit)

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrderAccessLog(models.Model):
    """Who was granted, read, lost or gave back access to an archived order
    through an access request, and when (R7.7). Written by the system only,
    never changed nor deleted."""

    _name = "sale.order.access.log"
    _inherit = ["order.handling.document.mixin"]
    _description = "Archived Order Access Log"
    _order = "id desc"
    _check_company_auto = True

    request_id = fields.Many2one(
        "sale.order.access.request",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    order_id = fields.Many2one(
        "sale.order", required=True, readonly=True, index=True, ondelete="restrict"
    )
    order_name = fields.Char(string="Order Reference", readonly=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    event = fields.Selection(
        [
            ("grant", "Granted"),
            ("read", "Read"),
            ("revoke", "Revoked"),
            ("expire", "Expired"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )

    @api.model
    def _log(self, requests, event):
        """One row per request, in one insert (the user is the request's
        requester; for a read it is the current user, who is the same)."""
        requests = requests.sudo()
        return (
            self.sudo()
            .create(
                [
                    {
                        "request_id": request.id,
                        "order_id": request.order_id.id,
                        "order_name": request.order_name,
                        "user_id": request.user_id.id,
                        "company_id": request.company_id.id,
                        "event": event,
                    }
                    for request in requests
                ]
            )
            .with_env(self.env)
        )

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The access log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The access log cannot be deleted."))

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    intake_important_amount = fields.Monetary(
        string="Important Order Amount",
        currency_field="currency_id",
        help="Orders of this amount (untaxed) or more need a re-check by a "
        "second person before they are accepted (R1.4). Zero: only flagged "
        "orders.",
    )
    intake_required = fields.Boolean(
        string="Confirm Only Accepted Orders",
        help="A sale order can be confirmed only after the logistics clerk "
        "accepted it at intake. Off on installation: until a manager switches "
        "it on, orders are confirmed as in plain Odoo.",
    )
    intake_customer_mails = fields.Boolean(
        string="Customer Status Mails",
        default=True,
        help="Mail the customer at each milestone: accepted, shipped, delayed, "
        "completed (R5.4). The delivery-date reply is always sent.",
    )

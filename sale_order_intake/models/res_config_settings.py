# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    intake_important_amount = fields.Monetary(
        related="company_id.intake_important_amount",
        currency_field="currency_id",
        readonly=False,
    )
    intake_required = fields.Boolean(
        related="company_id.intake_required", readonly=False
    )
    intake_customer_mails = fields.Boolean(
        related="company_id.intake_customer_mails", readonly=False
    )
    intake_alias_name = fields.Char(
        string="Intake Alias",
        compute="_compute_intake_alias_name",
        inverse="_inverse_intake_alias_name",
        help="E-mails sent to this alias become received order documents.",
    )

    def _intake_alias(self):
        return self.env.ref(
            "sale_order_intake.mail_alias_intake", raise_if_not_found=False
        )

    def _compute_intake_alias_name(self):
        alias = self._intake_alias()
        for settings in self:
            settings.intake_alias_name = alias.alias_name if alias else False

    def _inverse_intake_alias_name(self):
        alias = self._intake_alias()
        for settings in self:
            if alias and settings.intake_alias_name != alias.alias_name:
                alias.sudo().alias_name = settings.intake_alias_name

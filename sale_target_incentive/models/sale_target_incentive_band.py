# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SaleTargetIncentiveBand(models.Model):
    """One band of an incentive scale: an achievement from ``achievement_from``
    % (included) to ``achievement_to`` % (excluded; empty: no upper limit)
    earns a bonus rate of the achieved amount or a fixed bonus (R10.3)."""

    _name = "sale.target.incentive.band"
    _inherit = ["order.handling.document.mixin"]
    _description = "Incentive Band"
    _order = "scale_id, achievement_from, id"
    _check_company_auto = True

    scale_id = fields.Many2one(
        "sale.target.incentive.scale",
        string="Incentive Scale",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="scale_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="scale_id.currency_id")
    name = fields.Char(compute="_compute_name")
    achievement_from = fields.Float(
        string="From (%)",
        required=True,
        digits=(16, 2),
        help="Achievement (actual / target) from which the band applies.",
    )
    achievement_to = fields.Float(
        string="To (%)",
        digits=(16, 2),
        help="Achievement up to which (excluded) the band applies; empty or "
        "zero: no upper limit (the highest band).",
    )
    bonus_type = fields.Selection(
        [("rate", "Rate of Achieved Amount"), ("fixed", "Fixed Amount")],
        required=True,
        default="rate",
    )
    bonus_rate = fields.Float(
        string="Bonus Rate (%)",
        digits=(16, 4),
        help="Percentage of the achieved amount (untaxed confirmed orders of "
        "the period) paid as bonus.",
    )
    bonus_fixed = fields.Monetary(string="Fixed Bonus")

    @api.depends("achievement_from", "achievement_to")
    def _compute_name(self):
        for band in self:
            start = f"{band.achievement_from:g}"
            if band.achievement_to:
                end = f"{band.achievement_to:g}"
                band.name = self.env._("%(start)s%% to %(end)s%%", start=start, end=end)
            else:
                band.name = self.env._("%(start)s%% and more", start=start)

    @api.constrains(
        "achievement_from", "achievement_to", "bonus_type", "bonus_rate", "bonus_fixed"
    )
    def _check_band(self):
        for band in self:
            if band.achievement_from < 0 or band.achievement_to < 0:
                raise ValidationError(
                    self.env._(
                        "An achievement band cannot be negative (%s).", band.name
                    )
                )
            if band.achievement_to and band.achievement_to <= band.achievement_from:
                raise ValidationError(
                    self.env._(
                        "Band %s ends before it starts: “To” is above “From”, "
                        "or empty for no upper limit.",
                        band.name,
                    )
                )
            if band.bonus_type == "rate" and not 0 <= band.bonus_rate <= 100:
                raise ValidationError(
                    self.env._(
                        "The bonus rate of band %s is a percentage from 0 to 100.",
                        band.name,
                    )
                )
            if band.bonus_type == "fixed" and band.bonus_fixed < 0:
                raise ValidationError(
                    self.env._(
                        "The fixed bonus of band %s cannot be negative.", band.name
                    )
                )
        self.scale_id._check_band_overlap()

    def _check_scale_draft(self, scales):
        if scales.filtered(lambda s: s.state != "draft"):
            raise UserError(
                self.env._(
                    "The bands of an incentive scale change only while it is a "
                    "draft: make a new version of an approved scale."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        self._check_scale_draft(
            self.env["sale.target.incentive.scale"].browse(
                {vals["scale_id"] for vals in vals_list if vals.get("scale_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._oh_check_values([vals])
        scales = self.scale_id
        if vals.get("scale_id"):
            scales |= scales.browse(vals["scale_id"])
        self._check_scale_draft(scales)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_scale(self):
        self._check_scale_draft(self.scale_id)

    def _get_bonus(self, actual_amount):
        """The bonus this band gives for ``actual_amount`` achieved, in the
        company currency."""
        self.ensure_one()
        if self.bonus_type == "fixed":
            return self.bonus_fixed
        return self.currency_id.round(actual_amount * self.bonus_rate / 100.0)

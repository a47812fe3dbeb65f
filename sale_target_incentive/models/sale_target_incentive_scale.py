# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.order_handling_base.models.trusted_scope import trusted_scope

PERIOD_TYPES = [
    ("year", "Year"),
    ("quarter", "Quarter"),
    ("month", "Month"),
    ("week", "Week"),
]


class SaleTargetIncentiveScale(models.Model):
    """An incentive scale (激励方案, R10.3): achievement bands of a period
    type (year, quarter, month or week of the sales targets) giving a bonus
    rate of the achieved amount or a fixed bonus, for one salesperson or for
    every salesperson of the company, valid over a range of dates. Approved
    by the sales head; an approved scale is a record (no edit, no delete)
    and is changed by a new version, which replaces it once approved."""

    _name = "sale.target.incentive.scale"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sale.target.incentive.approval.mixin",
    ]
    _description = "Incentive Scale"
    _order = "date_from desc, period_type, user_id, version desc, id desc"
    _check_company_auto = True
    _workflow_protected_fields = (
        "approved_uid",
        "approved_date",
        "version",
        "previous_id",
    )
    _workflow_locked_states = ("approved", "replaced")

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="The salesperson this scale is for; empty: every salesperson of "
        "the company who has no scale of their own.",
    )
    period_type = fields.Selection(
        PERIOD_TYPES,
        string="Period",
        required=True,
        default="month",
        index=True,
        tracking=True,
        help="The periods of the sales targets whose achievement earns a "
        "bonus: the annual target, its quarters, months or weeks.",
    )
    date_from = fields.Date(
        string="Valid From",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Valid To",
        tracking=True,
        help="Empty: until a new version replaces the scale.",
    )
    band_ids = fields.One2many(
        "sale.target.incentive.band", "scale_id", string="Bands", copy=True
    )
    band_count = fields.Integer(compute="_compute_band_count")
    can_new_version = fields.Boolean(compute="_compute_can_buttons")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("replaced", "Replaced"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "sale.target.incentive.scale",
        string="Replaces",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    note = fields.Html()

    @api.depends("band_ids")
    def _compute_band_count(self):
        for scale in self:
            scale.band_count = len(scale.band_ids)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for scale in self:
            scale.display_name = (
                self.env._(
                    "%(name)s (v%(version)s)", name=scale.name, version=scale.version
                )
                if scale.version > 1
                else scale.name
            )

    # -------------------------------------------------------------- constraints

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for scale in self:
            if scale.date_to and scale.date_to < scale.date_from:
                raise ValidationError(
                    self.env._(
                        "Incentive scale %(scale)s ends before it starts.",
                        scale=scale.display_name,
                    )
                )

    @api.constrains("band_ids")
    def _check_band_overlap(self):
        """Two bands of a scale never cover the same achievement: a band
        covers ``from`` ≤ achievement < ``to`` (no ``to``: no upper limit)."""
        for scale in self:
            previous = None
            for band in scale.band_ids.sorted(lambda b: (b.achievement_from, b.id)):
                if previous is not None and (
                    not previous.achievement_to
                    or band.achievement_from < previous.achievement_to
                ):
                    raise ValidationError(
                        self.env._(
                            "The bands %(first)s and %(second)s of %(scale)s "
                            "overlap: an achievement falls in one band only.",
                            first=previous.name,
                            second=band.name,
                            scale=scale.display_name,
                        )
                    )
                previous = band

    def _get_overlap_domain(self):
        """Approved scales that would apply to the same salesperson (or to
        everyone), period type and dates; the scale this one replaces
        excepted."""
        self.ensure_one()
        domain = [
            ("id", "not in", (self | self.previous_id).ids),
            ("state", "=", "approved"),
            ("company_id", "=", self.company_id.id),
            ("user_id", "=", self.user_id.id),
            ("period_type", "=", self.period_type),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", self.date_from),
        ]
        if self.date_to:
            domain.append(("date_from", "<=", self.date_to))
        return domain

    def _check_overlap(self):
        for scale in self:
            other = self.sudo().search(scale._get_overlap_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(scale)s covers the same salesperson, period and "
                        "dates as the approved scale %(other)s: make a new "
                        "version of %(other)s instead.",
                        scale=scale.display_name,
                        other=other.display_name,
                    )
                )

    # ---------------------------------------------------------------- approval

    def _approval_check_submit(self):
        for scale in self:
            if not scale.band_ids:
                raise ValidationError(
                    self.env._(
                        "Incentive scale %(scale)s has no bands.",
                        scale=scale.display_name,
                    )
                )
        self._check_overlap()

    def _refuse_own(self):
        if self.user_id != self.env.user:
            return ""
        return self.env._(
            "Nobody approves their own incentive scale: another sales head approves it."
        )

    def _refuse_new_version(self):
        refusal = self._refuse_not_editor() or self._refuse_unless_state("approved")
        if refusal:
            return refusal
        pending = self.sudo().search_count(
            [("previous_id", "=", self.id), ("state", "in", ("draft", "to_approve"))],
            limit=1,
        )
        if pending:
            return ValidationError(
                self.env._(
                    "A new version of %(scale)s is already being prepared.",
                    scale=self.display_name,
                )
            )
        return ""

    def _approval_approve(self):
        self._check_overlap()
        return super()._approval_approve()

    def _approval_on_approved(self):
        """A new version replaces the scale it was made from."""
        previous = self.previous_id.filtered(lambda s: s.state == "approved")
        if previous:
            previous._workflow_write({"state": "replaced"})
        return super()._approval_on_approved()

    # ---------------------------------------------------------------- actions

    def action_new_version(self):
        """A draft copy of an approved scale (with its bands), to be
        changed and approved in its place."""
        self._ensure_can("new_version")
        self.ensure_one()
        with trusted_scope(self._name):
            new = self.copy({"previous_id": self.id, "version": self.version + 1})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _find_band(self, achievement):
        """The band of this scale in which ``achievement`` (%) falls."""
        self.ensure_one()
        for band in self.band_ids:
            if band.achievement_from <= achievement and (
                not band.achievement_to or achievement < band.achievement_to
            ):
                return band
        return self.band_ids.browse()

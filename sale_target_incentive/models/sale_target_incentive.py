# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.order_handling_base.models.trusted_scope import (
    is_trusted,
    trusted_scope,
)

from .sale_target_incentive_scale import PERIOD_TYPES

# the figures of an incentive: written by the computation only
FIGURE_FIELDS = (
    "target_amount",
    "actual_amount",
    "achievement",
    "scale_id",
    "band_id",
    "bonus_amount",
    "computed_date",
)


class SaleTargetIncentive(models.Model):
    """The incentive of a salesperson for one period of their target (R10.3):
    the achievement of the period (``sale_target_breakdown``), the band of
    the approved incentive scale in which it falls and the bonus it gives.
    Computed in batch (``_compute_incentives``), never entered; final once
    the sales head approved it."""

    _name = "sale.target.incentive"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sale.target.incentive.approval.mixin",
    ]
    _description = "Sales Incentive"
    _order = "date_from desc, user_id, period_type, id"
    _check_company_auto = True
    # what identifies the incentive and its figures: set by the computation
    _workflow_protected_fields = (
        "approved_uid",
        "approved_date",
        "target_id",
        "period_id",
        "period_key",
        "period_type",
        "date_from",
        "date_to",
        "company_id",
        "user_id",
        "team_id",
        *FIGURE_FIELDS,
    )

    _sql_constraints = [
        (
            "period_key_uniq",
            "unique(period_key)",
            "A salesperson has one incentive per period of their target.",
        )
    ]

    name = fields.Char(compute="_compute_name", store=True)
    target_id = fields.Many2one(
        "sale.target",
        string="Annual Target",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    period_id = fields.Many2one(
        "sale.target.period",
        string="Target Period",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        help="Empty for the incentive of the annual target.",
    )
    period_key = fields.Char(
        compute="_compute_period_key", store=True, readonly=True, copy=False
    )
    period_type = fields.Selection(
        PERIOD_TYPES, string="Period", compute="_compute_period", store=True
    )
    date_from = fields.Date(string="Start", compute="_compute_period", store=True)
    date_to = fields.Date(string="End", compute="_compute_period", store=True)
    company_id = fields.Many2one(
        related="target_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        related="target_id.user_id",
        string="Salesperson",
        store=True,
        index=True,
        precompute=True,
    )
    team_id = fields.Many2one(
        related="target_id.team_id", string="Sales Team", store=True, index=True
    )
    target_amount = fields.Monetary(string="Target", readonly=True)
    actual_amount = fields.Monetary(
        string="Achieved", readonly=True, help="Untaxed confirmed orders of the period."
    )
    achievement = fields.Float(
        string="Achievement (%)", readonly=True, digits=(16, 2), aggregator="avg"
    )
    scale_id = fields.Many2one(
        "sale.target.incentive.scale",
        string="Incentive Scale",
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    band_id = fields.Many2one(
        "sale.target.incentive.band",
        readonly=True,
        ondelete="restrict",
        help="Empty: the achievement falls in no band of the scale (no bonus).",
    )
    bonus_type = fields.Selection(related="band_id.bonus_type")
    bonus_rate = fields.Float(related="band_id.bonus_rate")
    bonus_amount = fields.Monetary(string="Bonus", readonly=True)
    computed_date = fields.Datetime(string="Computed On", readonly=True)
    can_recompute = fields.Boolean(compute="_compute_can_buttons")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    note = fields.Text()

    # ------------------------------------------------------------------ compute

    @api.depends("target_id", "period_id")
    def _compute_period_key(self):
        for incentive in self:
            incentive.period_key = (
                f"{incentive.target_id.id}-{incentive.period_id.id or 0}"
            )

    @api.depends(
        "period_id.period_type",
        "period_id.date_from",
        "period_id.date_to",
        "target_id.date_from",
        "target_id.date_to",
    )
    def _compute_period(self):
        for incentive in self:
            source = incentive.period_id or incentive.target_id
            incentive.period_type = incentive.period_id.period_type or "year"
            incentive.date_from = source.date_from
            incentive.date_to = source.date_to

    @api.depends("period_id.name", "target_id.year", "user_id.name")
    def _compute_name(self):
        for incentive in self:
            incentive.name = self.env._(
                "%(period)s: %(user)s",
                period=incentive.period_id.name or incentive.target_id.year or "",
                user=incentive.user_id.name or "",
            )

    # --------------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or is_trusted(self._name)):
            raise UserError(
                self.env._(
                    "Incentives are computed from the achievement of the "
                    "targets, not entered: use Compute Incentives."
                )
            )
        return super().create(vals_list)

    def _refuse_own(self):
        if self.user_id != self.env.user:
            return ""
        return self.env._(
            "Nobody approves their own incentive: another sales head approves it."
        )

    def _refuse_recompute(self):
        return self._refuse_not_editor() or self._refuse_unless_state("draft")

    def _approval_on_approved(self):
        for incentive in self:
            incentive.message_post(
                body=self.env._(
                    "Incentive approved: bonus %(amount)s %(currency)s.",
                    amount=incentive.bonus_amount,
                    currency=incentive.currency_id.name,
                ),
                subtype_xmlid="mail.mt_note",
                partner_ids=incentive.user_id.partner_id.ids,
            )
        return super()._approval_on_approved()

    # -------------------------------------------------------------- computation

    @api.model
    def _get_incentive_periods(
        self, targets, period_type, date_from, date_to, ended_after=None
    ):
        """[(target, period or None)] of ``targets`` (confirmed salesperson
        targets) of ``period_type`` lying within the dates (and ended on or
        after ``ended_after``); one search."""
        targets = targets.filtered(
            lambda t: t.state == "confirmed" and t.scope == "user"
        )
        if period_type == "year":
            return [
                (target, None)
                for target in targets
                if target.date_from >= date_from
                and target.date_to <= date_to
                and (not ended_after or target.date_to >= ended_after)
            ]
        domain = [
            ("target_id", "in", targets.ids),
            ("period_type", "=", period_type),
            ("date_from", ">=", date_from),
            ("date_to", "<=", date_to),
        ]
        if ended_after:
            domain.append(("date_to", ">=", ended_after))
        periods = self.env["sale.target.period"].search(domain)
        return [(period.target_id, period) for period in periods]

    @api.model
    def _get_scale_index(self, companies, period_types):
        """{(company id, period type): approved scales} (one search)."""
        scales = (
            self.env["sale.target.incentive.scale"]
            .sudo()
            .search(
                [
                    ("state", "=", "approved"),
                    ("company_id", "in", companies.ids),
                    ("period_type", "in", list(period_types)),
                ]
            )
        )
        index = {}
        for scale in scales:
            index.setdefault((scale.company_id.id, scale.period_type), []).append(scale)
        return index

    @api.model
    def _select_scale(self, scales, user, date_from, date_to):
        """The scale covering the whole period: the salesperson's own before
        the company's general one."""
        covering = [
            scale
            for scale in scales
            if scale.date_from <= date_from
            and (not scale.date_to or scale.date_to >= date_to)
        ]
        own = [scale for scale in covering if scale.user_id == user]
        general = [scale for scale in covering if not scale.user_id]
        return (own or general or [self.env["sale.target.incentive.scale"]])[0]

    @api.model
    def _prepare_incentive_figures(self, scale, source):
        """Figures of the incentive earned on ``source`` (a target or a
        target period) under ``scale``."""
        achievement = round(source.achievement, 2)
        band = scale.sudo()._find_band(achievement)
        return {
            "target_amount": source.amount,
            "actual_amount": source.actual_amount,
            "achievement": achievement,
            "scale_id": scale.id,
            "band_id": band.id,
            "bonus_amount": band._get_bonus(source.actual_amount) if band else 0.0,
        }

    @api.model
    def _compute_incentives(
        self, targets, period_type, date_from, date_to, ended_after=None
    ):
        """Compute the incentives of ``targets`` for their periods of
        ``period_type`` within the dates (see ``_compute_incentive_pairs``)."""
        self._approval_check_editor()
        return self._compute_incentive_pairs(
            self._get_incentive_periods(
                targets, period_type, date_from, date_to, ended_after
            )
        )

    @api.model
    def _compute_incentive_pairs(self, pairs):
        """Compute the incentives of ``pairs`` [(target, period or None for
        the annual target)]: new ones are created, drafts are brought up to
        date, those sent for approval or approved are left as they are.
        Periods without a target amount or without an approved scale earn
        nothing. Safe to run again (cron): one incentive per period.
        Batched: a fixed number of queries for the new incentives, whatever
        the number of people and periods."""
        self._approval_check_editor()
        if not pairs:
            return self.browse()
        targets = self.env["sale.target"].browse([t.id for t, __ in pairs])
        period_types = {p.period_type if p else "year" for __, p in pairs}
        scale_index = self._get_scale_index(targets.company_id, period_types)
        keys = [f"{t.id}-{p.id if p else 0}" for t, p in pairs]
        existing = {
            incentive.period_key: incentive
            for incentive in self.sudo().search([("period_key", "in", keys)])
        }
        now = fields.Datetime.now()
        vals_list, updates, result = [], [], self.browse()
        for (target, period), key in zip(pairs, keys, strict=True):
            source = period or target
            scales = scale_index.get(
                (target.company_id.id, period.period_type if period else "year"), []
            )
            scale = self._select_scale(
                scales, target.user_id, source.date_from, source.date_to
            )
            if not scale or not source.amount:
                continue
            figures = self._prepare_incentive_figures(scale, source)
            incentive = existing.get(key)
            if not incentive:
                vals_list.append(
                    dict(
                        figures,
                        target_id=target.id,
                        period_id=period.id if period else False,
                        computed_date=now,
                    )
                )
                continue
            result |= incentive
            if incentive.state == "draft" and incentive._figures_differ(figures):
                updates.append((incentive, dict(figures, computed_date=now)))
        with trusted_scope(self._name):
            for incentive, vals in updates:
                incentive.write(vals)
            result |= self.create(vals_list)
        return result

    def _figures_differ(self, figures):
        self.ensure_one()
        for name, value in figures.items():
            current = self[name]
            if isinstance(current, models.BaseModel):
                current = current.id
            if current != value:
                return True
        return False

    @api.model
    def _cron_compute_incentives(self, days=35):
        """Draft incentives for the periods that ended in the last ``days``
        days, for every company with an approved scale. Safe to run twice."""
        today = fields.Date.context_today(self)
        scales = (
            self.env["sale.target.incentive.scale"]
            .sudo()
            .search([("state", "=", "approved")])
        )
        for company in scales.company_id:
            targets = (
                self.env["sale.target"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "confirmed"),
                        ("scope", "=", "user"),
                    ]
                )
            )
            period_types = set(
                scales.filtered(lambda s, c=company: s.company_id == c).mapped(
                    "period_type"
                )
            )
            for period_type in period_types:
                self.sudo().with_company(company)._compute_incentives(
                    targets,
                    period_type,
                    today - timedelta(days=days + 366),
                    today - timedelta(days=1),
                    ended_after=today - timedelta(days=days),
                )
        return True

    # ------------------------------------------------------------------ actions

    def action_recompute(self):
        """Compute draft incentives again (after late orders or a
        corrected target)."""
        self._ensure_can("recompute")
        self._compute_incentive_pairs(
            [(incentive.target_id, incentive.period_id or None) for incentive in self]
        )
        return True

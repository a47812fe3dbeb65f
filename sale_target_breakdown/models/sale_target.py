# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.order_handling_base.models import roles

# fields that define the breakdown: changing one of them on a draft target
# computes the periods again; on a confirmed target it is refused
BREAKDOWN_FIELDS = ("amount", "date_from", "split_method", "distribution_id")
SCOPE_FIELDS = ("scope", "team_id", "user_id", "company_id")


class SaleTarget(models.Model):
    """An annual sales target for a company, a sales team or a salesperson
    (R10.1), broken down into quarters of months, and separately into ISO
    weeks (``sale.target.period``); months and weeks each add up to the
    year. Actuals come from confirmed sale orders through
    the ``sale.target.report`` SQL view (R10.2)."""

    _name = "sale.target"
    _inherit = [
        "order.handling.document.mixin",
        "order.handling.button.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Sales Target"
    _order = "date_from desc, scope, team_id, user_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    scope = fields.Selection(
        [("company", "Company"), ("team", "Sales Team"), ("user", "Salesperson")],
        required=True,
        default="user",
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The team of a team target; for a salesperson's target, the team "
        "whose head manages it.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    date_from = fields.Date(
        string="Start",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
        help="First day of the (fiscal) year; the target covers twelve months.",
    )
    date_to = fields.Date(
        string="End", compute="_compute_date_to", store=True, precompute=True
    )
    year = fields.Char(compute="_compute_date_to", store=True, precompute=True)
    amount = fields.Monetary(
        string="Annual Target",
        required=True,
        tracking=True,
        help="Untaxed amount of confirmed orders, in the company currency.",
    )
    split_method = fields.Selection(
        [("even", "Even Split"), ("template", "Distribution Template")],
        required=True,
        default="even",
        tracking=True,
    )
    distribution_id = fields.Many2one(
        "sale.target.distribution",
        string="Distribution Template",
        check_company=True,
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    period_ids = fields.One2many(
        "sale.target.period", "target_id", string="Periods", copy=False
    )
    quarter_ids = fields.One2many(
        "sale.target.period",
        "target_id",
        string="Quarters",
        domain=[("period_type", "=", "quarter")],
    )
    month_ids = fields.One2many(
        "sale.target.period",
        "target_id",
        string="Months",
        domain=[("period_type", "=", "month")],
    )
    week_ids = fields.One2many(
        "sale.target.period",
        "target_id",
        string="Weeks",
        domain=[("period_type", "=", "week")],
    )
    rollup_warning = fields.Text(compute="_compute_rollup_warning")
    actual_amount = fields.Monetary(string="Actual", compute="_compute_actual")
    achievement = fields.Float(
        string="Achievement (%)", compute="_compute_actual", digits=(16, 1)
    )
    note = fields.Html()
    can_compute_breakdown = fields.Boolean(compute="_compute_can_buttons")
    can_confirm = fields.Boolean(compute="_compute_can_buttons")
    can_cancel = fields.Boolean(compute="_compute_can_buttons")
    can_draft = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------ compute

    @api.depends("scope", "team_id.name", "user_id.name", "company_id.name", "year")
    def _compute_name(self):
        for target in self:
            if target.scope == "user":
                who = target.user_id.name
            elif target.scope == "team":
                who = target.team_id.name
            else:
                who = target.company_id.name
            target.name = self.env._(
                "%(year)s target: %(who)s", year=target.year or "", who=who or ""
            )

    @api.depends("scope", "user_id")
    def _compute_team_id(self):
        for target in self:
            if target.scope == "company":
                target.team_id = False
            elif target.scope == "user" and target.user_id and not target.team_id:
                target.team_id = target.user_id.sale_team_id

    @api.depends("date_from")
    def _compute_date_to(self):
        for target in self:
            if not target.date_from:
                target.date_to = target.year = False
                continue
            target.date_to = target.date_from + relativedelta(years=1, days=-1)
            if target.date_from.month == 1 and target.date_from.day == 1:
                target.year = str(target.date_from.year)
            else:
                target.year = f"{target.date_from.year}/{target.date_to.year % 100:02d}"

    @api.depends("amount", "period_ids.amount", "period_ids.parent_id")
    def _compute_rollup_warning(self):
        for target in self:
            target.rollup_warning = "\n".join(target._get_rollup_errors()) or False

    def _compute_actual(self):
        """One grouped query for all targets (their 'year' rows of the view)."""
        groups = (
            self.env["sale.target.report"]
            .sudo()
            ._read_group(
                [("target_id", "in", self.ids), ("period_type", "=", "year")],
                ["target_id"],
                ["actual_amount:sum"],
            )
        )
        actuals = {target.id: amount for target, amount in groups}
        for target in self:
            target.actual_amount = actuals.get(target.id, 0.0)
            target.achievement = (
                target.actual_amount / target.amount * 100.0 if target.amount else 0.0
            )

    # -------------------------------------------------------------- constraints

    @api.constrains("amount")
    def _check_amount(self):
        for target in self:
            if target.currency_id.compare_amounts(target.amount, 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "The annual target of %(target)s cannot be negative.",
                        target=target.name,
                    )
                )

    @api.constrains("scope", "team_id", "user_id", "split_method", "distribution_id")
    def _check_scope(self):
        for target in self:
            if target.scope == "team" and not target.team_id:
                raise ValidationError(self.env._("A team target needs a sales team."))
            if target.scope == "user" and not target.user_id:
                raise ValidationError(
                    self.env._("A salesperson's target needs a salesperson.")
                )
            if target.split_method == "template" and not target.distribution_id:
                raise ValidationError(
                    self.env._(
                        "Choose a distribution template, or split the target evenly."
                    )
                )

    def _get_overlap_domain(self):
        self.ensure_one()
        domain = [
            ("id", "!=", self.id),
            ("state", "!=", "cancel"),
            ("company_id", "=", self.company_id.id),
            ("scope", "=", self.scope),
            ("date_from", "<=", self.date_to),
            ("date_to", ">=", self.date_from),
        ]
        if self.scope == "team":
            domain.append(("team_id", "=", self.team_id.id))
        elif self.scope == "user":
            domain.append(("user_id", "=", self.user_id.id))
        return domain

    @api.constrains("date_from", "scope", "team_id", "user_id", "company_id", "state")
    def _check_overlap(self):
        as_draft = self.env.context.get("sale_target_check_as_draft")
        for target in self.filtered(lambda t: as_draft or t.state != "cancel"):
            other = self.sudo().search(target._get_overlap_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(target)s overlaps %(other)s (%(start)s to %(end)s): "
                        "a company, team or salesperson has one target per period.",
                        target=target.name,
                        other=other.name,
                        start=other.date_from,
                        end=other.date_to,
                    )
                )

    @api.constrains("state", "amount", "period_ids")
    def _check_rollup(self):
        for target in self.filtered(lambda t: t.state == "confirmed"):
            errors = target._get_rollup_errors()
            if errors:
                raise ValidationError(
                    self.env._(
                        "The breakdown of %(target)s does not add up:\n%(errors)s",
                        target=target.name,
                        errors="\n".join(errors),
                    )
                )

    def _get_rollup_errors(self):
        """Messages for every level whose parts do not add up to the whole:
        quarters to the year, months to their quarter, weeks to the year
        (and, in a breakdown made before ISO weeks, weeks to their month)."""
        self.ensure_one()
        errors = []
        currency = self.currency_id or self.env.company.currency_id
        quarters = self.period_ids.filtered(lambda p: p.period_type == "quarter")
        if not quarters:
            return [self.env._("The target has no breakdown yet.")]
        total = sum(quarters.mapped("amount"))
        if currency.compare_amounts(total, self.amount):
            errors.append(
                self.env._(
                    "The quarters add up to %(total)s, the annual target is "
                    "%(amount)s.",
                    total=currency.round(total),
                    amount=self.amount,
                )
            )
        weeks = self.period_ids.filtered(lambda p: p.period_type == "week")
        total = sum(weeks.mapped("amount"))
        if weeks and currency.compare_amounts(total, self.amount):
            errors.append(
                self.env._(
                    "The weeks add up to %(total)s, the annual target is %(amount)s.",
                    total=currency.round(total),
                    amount=self.amount,
                )
            )
        for parent in self.period_ids.filtered(lambda p: p.child_ids):
            total = sum(parent.child_ids.mapped("amount"))
            if currency.compare_amounts(total, parent.amount):
                errors.append(
                    self.env._(
                        "The parts of %(period)s add up to %(total)s, not %(amount)s.",
                        period=parent.name,
                        total=currency.round(total),
                        amount=parent.amount,
                    )
                )
        return errors

    # ------------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        targets = super().create(vals_list)
        targets.filtered(lambda t: not t.period_ids)._compute_breakdown()
        return targets

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        changed = set(vals) & set(BREAKDOWN_FIELDS + SCOPE_FIELDS)
        if changed and self.filtered(lambda t: t.state != "draft"):
            raise UserError(
                self.env._(
                    "Set the target back to draft before changing its amount, "
                    "period or scope."
                )
            )
        result = super().write(vals)
        if set(vals) & set(BREAKDOWN_FIELDS) and "period_ids" not in vals:
            self._compute_breakdown()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(lambda t: t.state == "confirmed"):
            raise UserError(self.env._("Cancel a confirmed target before deleting it."))

    # ---------------------------------------------------------------- actions

    # the buttons' rules (``order.handling.button.mixin``): the sales heads
    # and administrators (who write targets), then the state

    def _refuse_editor(self):
        return self._refuse_unless_groups(roles.SALES_HEAD, roles.MANAGER)

    def _refuse_compute_breakdown(self):
        refusal = self._refuse_editor()
        if refusal or self.state == "draft":
            return refusal
        return self.env._(
            "Only a draft target can be broken down again (%(target)s).",
            target=self.name,
        )

    def _refuse_confirm(self):
        refusal = self._refuse_editor()
        if refusal or self.state == "draft":
            return refusal
        return self.env._(
            "Only a draft target can be confirmed (%(target)s).", target=self.name
        )

    def _refuse_cancel(self):
        refusal = self._refuse_editor()
        if refusal or self.state != "cancel":
            return refusal
        return self.env._("%(target)s is already cancelled.", target=self.name)

    def _refuse_draft(self):
        refusal = self._refuse_editor()
        if refusal or self.state != "draft":
            return refusal
        return self.env._("%(target)s is already a draft.", target=self.name)

    def action_compute_breakdown(self):
        self._ensure_can("compute_breakdown")
        self._compute_breakdown()
        return True

    def action_confirm(self):
        self._ensure_can("confirm")
        for target in self:
            errors = target._get_rollup_errors()
            if errors:
                raise ValidationError(
                    self.env._(
                        "The breakdown of %(target)s does not add up:\n%(errors)s",
                        target=target.name,
                        errors="\n".join(errors),
                    )
                )
        self.write({"state": "confirmed"})
        return True

    def action_cancel(self):
        self._ensure_can("cancel")
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._ensure_can("draft")
        # checked before writing: a cancelled target may meanwhile have been
        # replaced by another one for the same period
        self.filtered(lambda t: t.state == "cancel").with_context(
            sale_target_check_as_draft=True
        )._check_overlap()
        self.write({"state": "draft"})
        return True

    def action_view_achievement(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale_target_breakdown.sale_target_report_action"
        )
        action["domain"] = [("target_id", "=", self.id)]
        action["context"] = {"search_default_filter_month": 1}
        return action

    # -------------------------------------------------------------- breakdown

    def _get_month_weights(self):
        """[(first day of month, weight)] for the twelve months of the target;
        hook for other distributions."""
        self.ensure_one()
        months = [self.date_from + relativedelta(months=i) for i in range(12)]
        if self.split_method == "template" and self.distribution_id:
            percent = self.distribution_id._get_month_percent()
            return [(month, percent.get(month.month, 0.0)) for month in months]
        return [(month, 1.0) for month in months]

    def _split_amount(self, amount, weights):
        """Split ``amount`` by ``weights`` in currency units, the rounding
        difference going to the largest part, so the parts add up exactly."""
        currency = self.currency_id
        total = sum(weights)
        if not total:
            return [0.0 for __ in weights]
        parts = [currency.round(amount * weight / total) for weight in weights]
        largest = max(range(len(weights)), key=lambda i: weights[i])
        parts[largest] = currency.round(amount - sum(parts) + parts[largest])
        return parts

    def _get_iso_weeks(self):
        """[(Monday, Sunday)] of the ISO weeks of the target: the weeks whose
        Thursday falls within its dates (the ISO rule that gives a week
        across a year end to the year of its Thursday). A calendar-year
        target gets the 52 or 53 weeks of its ISO year; the first and last
        may start or end a few days outside the target."""
        self.ensure_one()
        # Monday of the week whose Thursday is the first Thursday >= date_from
        first_thursday = self.date_from + timedelta(
            days=(3 - self.date_from.weekday()) % 7
        )
        monday = first_thursday - timedelta(days=3)
        weeks = []
        while monday + timedelta(days=3) <= self.date_to:
            weeks.append((monday, monday + timedelta(days=6)))
            monday += timedelta(days=7)
        return weeks

    def _get_week_weights(self, months):
        """[((Monday, Sunday), weight)] of the ISO weeks: the weight of a week
        is the sum of the daily targets of its days within the target's
        dates, a month's target being spread evenly over its calendar days
        (``months``: [(first day, last day, amount)] of the monthly periods).
        Weeks thus follow the monthly split (even or seasonal); days outside
        the months weigh nothing. Hook for other weekly distributions (e.g.
        working days)."""
        self.ensure_one()
        daily = {}
        for start, end, amount in months:
            rate = amount / ((end - start).days + 1)
            day = start
            while day <= end:
                daily[day] = rate
                day += timedelta(days=1)
        return [
            (
                (start, end),
                sum(daily.get(start + timedelta(days=i), 0.0) for i in range(7)),
            )
            for start, end in self._get_iso_weeks()
        ]

    def _prepare_week_vals(self):
        """Values of the weekly periods of the targets, from their months:
        ISO weeks whose amounts add up to the annual target exactly (the
        weights of ``_get_week_weights`` scaled to the annual amount, the
        rounding difference on the largest week). Weeks have no parent: they
        are a series of their own beside the months."""
        vals_list = []
        for target in self.filtered(lambda t: t.date_from):
            months = [
                (month.date_from, month.date_to, month.amount)
                for month in target.period_ids
                if month.period_type == "month"
            ]
            weeks = target._get_week_weights(months)
            weights = [weight for __, weight in weeks]
            if not sum(weights):
                # no monthly amounts (e.g. a zero target): by calendar days
                weights = [
                    (min(end, target.date_to) - max(start, target.date_from)).days + 1
                    for (start, end), __ in weeks
                ]
            amounts = target._split_amount(target.amount, weights)
            for ((start, end), __), amount in zip(weeks, amounts, strict=True):
                vals_list.append(
                    {
                        "target_id": target.id,
                        "period_type": "week",
                        "sequence": start.isocalendar()[1],
                        "date_from": start,
                        "date_to": end,
                        "amount": amount,
                    }
                )
        return vals_list

    def _compute_breakdown(self):
        """Replace the periods of the targets: four quarters of three months,
        and beside them the ISO weeks of the target (Monday to Sunday, named
        ``2026-W05``), each series adding up to the annual target. Three
        batched creates for all targets."""
        Period = self.env["sale.target.period"]
        self.period_ids.unlink()
        quarter_vals, month_plan = [], []
        for target in self.filtered(lambda t: t.date_from):
            weights = target._get_month_weights()
            month_amounts = target._split_amount(
                target.amount, [weight for __, weight in weights]
            )
            for quarter in range(4):
                months = [
                    (weights[i][0], month_amounts[i])
                    for i in range(quarter * 3, quarter * 3 + 3)
                ]
                quarter_vals.append(
                    {
                        "target_id": target.id,
                        "period_type": "quarter",
                        "sequence": quarter + 1,
                        "date_from": months[0][0],
                        "date_to": months[-1][0] + relativedelta(months=1, days=-1),
                        "amount": target.currency_id.round(
                            sum(amount for __, amount in months)
                        ),
                    }
                )
                month_plan.append((target, months))
        quarters = Period.create(quarter_vals)
        month_vals = []
        for quarter, (target, months) in zip(quarters, month_plan, strict=True):
            for month_start, amount in months:
                month_vals.append(
                    {
                        "target_id": target.id,
                        "parent_id": quarter.id,
                        "period_type": "month",
                        "sequence": month_start.month,
                        "date_from": month_start,
                        "date_to": month_start + relativedelta(months=1, days=-1),
                        "amount": amount,
                    }
                )
        Period.create(month_vals)
        Period.create(self._prepare_week_vals())

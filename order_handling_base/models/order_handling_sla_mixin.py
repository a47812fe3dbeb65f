# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from pytz import utc

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import format_datetime

from odoo.addons.resource.models.utils import make_aware

from .resource_calendar import SLA_WINDOW_DAYS


class OrderHandlingSlaMixin(models.AbstractModel):
    """Deadline, on-time / at-risk / overdue state and escalation of a
    document, from the SLA policy of its current stage (R2.3, R5.5).

    Consumers set ``_stage_field`` (from the stage mixin), list the fields
    that decide the order class in ``_sla_class_fields`` and override
    ``_sla_order_class`` and, if needed, ``_sla_escalation_user``.
    """

    _name = "order.handling.sla.mixin"
    _inherit = ["order.handling.stage.mixin"]
    _description = "Order Handling SLA Mixin"

    _sla_class_fields = []

    sla_policy_id = fields.Many2one(
        "order.handling.sla.policy",
        string="SLA Policy",
        compute="_compute_sla",
        store=True,
        copy=False,
        index="btree_not_null",
    )
    sla_deadline = fields.Datetime(
        string="Deadline",
        compute="_compute_sla",
        store=True,
        copy=False,
        index="btree_not_null",
        help="End of the target of the current stage, in working hours.",
    )
    sla_at_risk_date = fields.Datetime(
        string="At Risk From",
        compute="_compute_sla",
        store=True,
        copy=False,
    )
    # a method, not a list: the labels are translated by the code terms of
    # this addon in every model that inherits the mixin, whichever addon
    # defines that model and whenever it is installed (the list's labels
    # were stored per model with this addon's translations, loaded before
    # those models existed: English on reviews, plans, complaints)
    sla_status = fields.Selection(
        selection="_selection_sla_status",
        string="SLA Status",
        compute="_compute_sla_status",
        search="_search_sla_status",
    )
    sla_escalated = fields.Boolean(
        string="Escalated",
        compute="_compute_sla_escalated",
        store=True,
        readonly=False,
        copy=False,
        help="The escalation cron already escalated the current stage.",
    )

    @api.model
    def _selection_sla_status(self):
        return [
            ("none", self.env._("No Target")),
            ("on_time", self.env._("On Time")),
            ("at_risk", self.env._("At Risk")),
            ("overdue", self.env._("Overdue")),
        ]

    def _sla_depends(self):
        depends = [self._stage_field, "stage_start"]
        if "company_id" in self._fields:
            depends.append("company_id")
        return depends + list(self._sla_class_fields)

    def _sla_order_class(self):
        """Hook: 'regular', 'non_regular', 'urgent' or False for ``self``."""
        self.ensure_one()
        return False

    def _sla_fixed_deadline(self):
        """Hook: a due date of the document that replaces the policy's
        target (e.g. a deliverable's due date); False to use the policy."""
        self.ensure_one()
        return False

    def _sla_deadline_caps(self):
        """Hook: ``{record id: datetime}``, the dates that the records of
        ``self`` are never due after, whatever their target (e.g. the
        deadline of an urgent order); records left out have no cap. Called
        once for the records being computed: read in batch."""
        return {}

    def _sla_escalation_user(self):
        """Hook: the user who receives the escalation activity."""
        self.ensure_one()
        if "department_id" in self._fields and self.department_id:
            return self.department_id.manager_id
        if "user_id" in self._fields:
            return self.user_id
        return self.env["res.users"]

    @api.depends(lambda self: self._sla_depends())
    def _compute_sla(self):
        if not self:
            return
        Policy = self.env["order.handling.sla.policy"]
        # the policies of this model, from the registry cache: no query
        table = Policy._get_policy_table(self._name)
        # deadlines of records that share policy and start are planned once
        planned = {}
        caps = self._sla_deadline_caps()
        for record in self:
            row = None
            if table and record.stage_start:
                company = (
                    record.company_id
                    if "company_id" in record._fields
                    else self.env.company
                )
                stage = record._stage_value()
                if any(candidate.stage == stage for candidate in table):
                    row = Policy._match_row(
                        table, company.id, stage, record._sla_order_class()
                    )
            record.sla_policy_id = row.id if row else False
            if not row:
                record.sla_deadline = False
                record.sla_at_risk_date = False
                continue
            fixed = record._sla_fixed_deadline()
            cap = caps.get(record.id)
            if cap and fixed and fixed > cap:
                fixed = cap
            if fixed:
                # a due date set on the document replaces the policy target;
                # at risk after the policy's share of the time until it
                span = max(fixed - record.stage_start, timedelta(0))
                record.sla_deadline = fixed
                record.sla_at_risk_date = record.stage_start + span * (
                    row.at_risk_percent / 100.0
                )
                continue
            key = (row.id, record.stage_start)
            if key not in planned:
                at_risk_hours = row.target_hours * row.at_risk_percent / 100.0
                planned[key] = self._sla_plan_hours(
                    self.env["resource.calendar"].browse(row.calendar_id),
                    record.stage_start,
                    (row.target_hours, at_risk_hours),
                )
            deadline, at_risk = planned[key]
            if cap and deadline and deadline > cap:
                # never due after the cap: at risk after the policy's share
                # of the time until it
                span = max(cap - record.stage_start, timedelta(0))
                deadline = cap
                at_risk = record.stage_start + span * (row.at_risk_percent / 100.0)
            record.sla_deadline, record.sla_at_risk_date = deadline, at_risk

    @api.model
    def _sla_plan_hours(self, calendar, start, hours_list):
        """``calendar.plan_hours(hours, start, compute_leaves=True)`` for each
        of ``hours_list`` (not negative), in one walk over the calendar's
        work intervals, which are cached per calendar and day (no query for
        the documents that enter a stage the same day). Same arithmetic as
        ``plan_hours``.
        """
        start_dt, revert = make_aware(start)
        remaining = dict(enumerate(hours_list))
        results = [False] * len(hours_list)
        # windows from the start's day 00:00 UTC: the work intervals of a
        # calendar and day are cached (``_sla_work_intervals``)
        day = start_dt.astimezone(utc).date()
        for n in range(100):
            intervals = calendar._sla_work_intervals(
                day + timedelta(days=SLA_WINDOW_DAYS * n)
            )
            for interval_start, interval_stop in intervals:
                if interval_stop <= start_dt:
                    continue
                interval_start = max(interval_start, start_dt)
                interval_hours = (interval_stop - interval_start).total_seconds() / 3600
                for index, hours in list(remaining.items()):
                    if hours <= interval_hours:
                        results[index] = revert(interval_start + timedelta(hours=hours))
                        del remaining[index]
                    else:
                        remaining[index] = hours - interval_hours
                if not remaining:
                    return tuple(results)
        return tuple(results)

    @api.depends("stage_start")
    def _compute_sla_escalated(self):
        self.sla_escalated = False

    @api.depends("sla_deadline", "sla_at_risk_date")
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for record in self:
            if not record.sla_deadline:
                record.sla_status = "none"
            elif now > record.sla_deadline:
                record.sla_status = "overdue"
            elif record.sla_at_risk_date and now >= record.sla_at_risk_date:
                record.sla_status = "at_risk"
            else:
                record.sla_status = "on_time"

    @api.model
    def _sla_status_domain(self, status):
        now = fields.Datetime.now()
        return {
            "none": [("sla_deadline", "=", False)],
            "overdue": [("sla_deadline", "<", now)],
            "at_risk": [
                ("sla_deadline", ">=", now),
                ("sla_at_risk_date", "<=", now),
            ],
            "on_time": [
                ("sla_deadline", ">=", now),
                "|",
                ("sla_at_risk_date", "=", False),
                ("sla_at_risk_date", ">", now),
            ],
        }[status]

    def _search_sla_status(self, operator, value):
        # the statuses are exclusive and exhaustive: a negative condition
        # searches the others (``_oh_search_values``); every document has a
        # status, none has "no value" (False)
        statuses = self._oh_search_values("sla_status", operator, value) - {False}
        domains = [self._sla_status_domain(status) for status in sorted(statuses)]
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def _stage_log_extra_vals(self):
        vals = super()._stage_log_extra_vals()
        if self.sla_deadline:
            vals["sla_deadline"] = self.sla_deadline
        return vals

    @api.model
    def _sla_escalate_overdue(self):
        """Escalate every overdue, not yet escalated document of this model."""
        overdue = self.search(
            [
                ("sla_deadline", "<", fields.Datetime.now()),
                ("sla_escalated", "=", False),
                ("sla_policy_id.escalate", "=", True),
            ]
        )
        overdue._sla_escalate()
        return overdue

    def _sla_escalate(self):
        """Tell the responsible manager: a message on the document and an
        activity, grouped per manager so activities are created in batch."""
        if not self:
            return
        self.sla_escalated = True
        activity_type = self.env.ref(
            "order_handling_base.mail_activity_type_sla_escalation"
        )
        by_user = defaultdict(lambda: self.browse())
        for record in self:
            by_user[record._sla_escalation_user()] |= record
        for user, records in by_user.items():
            lang_records = records.with_context(lang=user.lang or self.env.lang)
            for record in lang_records:
                record.message_post(
                    body=record.env._(
                        "Overdue: the target of stage %(stage)s passed on "
                        "%(deadline)s. Escalated to %(user)s.",
                        stage=record._stage_label([record._stage_value()]).get(
                            record._stage_value(), record._stage_value()
                        ),
                        deadline=format_datetime(
                            record.env, record.sla_deadline, tz=user.tz
                        ),
                        user=user.name or record.env._("nobody (no manager set)"),
                    ),
                    partner_ids=user.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )
            if user:
                lang_records.with_context(
                    mail_activity_quick_update=True
                ).activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=lang_records.env._("Overdue work to handle"),
                    date_deadline=fields.Date.context_today(self),
                )

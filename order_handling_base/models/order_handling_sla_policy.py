# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import ormcache

from .cache_mixin import RegistryCacheClearing

ORDER_CLASSES = [
    ("regular", "Regular"),
    ("non_regular", "Non-regular"),
    ("urgent", "Urgent"),
]


# what the SLA compute needs of a policy, cached per document type
PolicyRow = namedtuple(
    "PolicyRow",
    "id stage company_id order_class target_hours at_risk_percent calendar_id",
)


class OrderHandlingSlaPolicy(RegistryCacheClearing, models.Model):
    """Processing-time target of one stage of one document type (R2.3, R5.5).

    A policy applies to the documents of ``res_model`` while they stay in
    ``stage``; ``order_class`` narrows it to regular, non-regular or urgent
    work (empty: any class). The target is counted in working hours of
    ``calendar_id``, so nights, weekends and public holidays do not count.
    """

    _name = "order.handling.sla.policy"
    _inherit = ["order.handling.document.mixin"]
    _description = "Order Handling SLA Policy"
    _order = "res_model, sequence, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty to apply the policy in every company.",
    )
    res_model = fields.Selection(
        selection="_selection_res_model",
        string="Document Type",
        required=True,
        index=True,
    )
    stage = fields.Char(
        required=True,
        help="Technical value of the stage the target applies to, e.g. 'sent'.",
    )
    stage_name = fields.Char(compute="_compute_stage_name")
    order_class = fields.Selection(
        ORDER_CLASSES,
        help="Leave empty to apply to every class. A policy for the document's "
        "own class wins over a policy for any class.",
    )
    target_hours = fields.Float(
        string="Target (working hours)",
        required=True,
        default=8.0,
    )
    at_risk_percent = fields.Float(
        string="At Risk After (%)",
        default=80.0,
        help="Share of the target after which the document shows as at risk.",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        default=lambda self: (
            self.env.company.order_handling_calendar_id
            or self.env.company.resource_calendar_id
        ),
    )
    escalate = fields.Boolean(
        string="Escalate When Overdue",
        default=True,
        help="The escalation cron posts a message and schedules an activity "
        "for the responsible manager once the deadline has passed.",
    )
    customer_note = fields.Text(
        translate=True,
        help="How the target is worded for customers (e.g. in status e-mails).",
    )

    _sql_constraints = [
        (
            "target_hours_positive",
            "CHECK(target_hours > 0)",
            "The target must be a positive number of working hours.",
        ),
        (
            "at_risk_percent_range",
            "CHECK(at_risk_percent > 0 AND at_risk_percent <= 100)",
            "The at-risk share must be between 0 and 100 %.",
        ),
    ]

    @api.model
    def _selection_res_model(self):
        """Every model that consumes ``order.handling.sla.mixin``, named in
        the user's language (the model's name, as Odoo translates it)."""
        names = [
            name
            for name, model in self.env.registry.items()
            if not model._abstract
            and not model._transient
            and hasattr(model, "_sla_escalate_overdue")
        ]
        labels = {
            model.model: model.name
            for model in self.env["ir.model"].sudo().search([("model", "in", names)])
        }
        return sorted(
            (name, labels.get(name) or self.env[name]._description) for name in names
        )

    @api.depends("res_model", "stage")
    def _compute_stage_name(self):
        for policy in self:
            labels = {}
            if policy.res_model in self.env:
                labels = self.env[policy.res_model]._stage_label([policy.stage])
            policy.stage_name = labels.get(policy.stage, policy.stage)

    @api.constrains("res_model", "stage")
    def _check_stage(self):
        for policy in self:
            model = self.env[policy.res_model]
            field = model._fields[model._stage_field]
            if field.type != "selection":
                continue
            keys = [key for key, _label in field._description_selection(self.env)]
            if policy.stage not in keys:
                raise ValidationError(
                    self.env._(
                        "Stage '%(stage)s' does not exist on %(model)s. "
                        "Use one of: %(stages)s.",
                        stage=policy.stage,
                        model=model._description,
                        stages=", ".join(keys),
                    )
                )

    @api.model
    def _get_policies(self, res_model):
        """All active policies of a document type, one query."""
        return self.search([("res_model", "=", res_model)], order="sequence, id")

    @api.model
    @ormcache("res_model")
    def _get_policy_table(self, res_model):
        """The active policies of a document type as ``PolicyRow`` tuples,
        in ``_get_policies`` order, kept in the registry cache (cleared on
        every change of a policy, in every worker): the SLA compute of a
        stage change reads no policy from the database."""
        policies = self.sudo().with_context(active_test=True)._get_policies(res_model)
        return tuple(
            PolicyRow(
                policy.id,
                policy.stage,
                policy.company_id.id,
                policy.order_class or False,
                policy.target_hours,
                policy.at_risk_percent,
                policy.calendar_id.id,
            )
            for policy in policies
        )

    @api.model
    def _match_row(self, rows, company_id, stage, order_class):
        """``_match`` on ``PolicyRow`` tuples: the best row for a document
        (same stage, same company or none, own class before 'any class')."""
        best = None
        for row in rows:
            if row.stage != stage:
                continue
            if row.company_id and row.company_id != company_id:
                continue
            if row.order_class and row.order_class != order_class:
                continue
            if best is None or (row.order_class and not best.order_class):
                best = row
        return best

    def _match(self, company, stage, order_class):
        """Pick the best policy of ``self`` for a document: same stage, same
        company (or none), own class before 'any class'."""
        best = self.browse()
        for policy in self:
            if policy.stage != stage:
                continue
            if policy.company_id and policy.company_id != company:
                continue
            if policy.order_class and policy.order_class != order_class:
                continue
            if not best or (policy.order_class and not best.order_class):
                best = policy
        return best

    @api.model
    def _cron_escalate_overdue(self):
        """Escalate overdue documents of every type that has a policy.

        Safe to run twice: a document is escalated once per stage stay."""
        groups = self.sudo()._read_group(
            [("escalate", "=", True)], groupby=["res_model"]
        )
        for (res_model,) in groups:
            if res_model in self.env:
                self.env[res_model].sudo()._sla_escalate_overdue()

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models import roles
from odoo.addons.order_handling_base.models.mail_batch import schedule_activities

_lt = LazyTranslate(__name__)

CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("chat", "Chat / Online Shop"),
    ("visit", "Visit"),
    ("other", "Other"),
]
STATES = [
    ("open", "Open"),
    ("answered", "Answered"),
    ("closed", "Closed"),
]
#: a received date may lie this far ahead of the server's clock (clock skew
#: of the user's computer), not further
FUTURE_TOLERANCE = timedelta(minutes=5)


class SaleCustomerConsultation(models.Model):
    """A customer consultation (客户咨询, R8.6): what the customer asked, by
    which channel, about which product and topic, the answer, who answered
    and when. Counted each month by topic for the departments concerned
    (``sale.customer.consultation.summary``)."""

    _name = "sale.customer.consultation"
    _inherit = [
        "order.handling.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Customer Consultation"
    _order = "received_date desc, id desc"
    _check_company_auto = True
    _workflow_state_field = "state"
    _workflow_protected_fields = (
        "answered_uid",
        "answered_date",
        "answer_hours",
        "closed_uid",
        "closed_date",
        "order_id",
    )
    _workflow_transitions = {
        "open": ("answered",),
        "answered": ("closed",),
        "closed": (),
    }
    _workflow_locked_states = ("closed",)

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    salesperson_id = fields.Many2one(
        related="commercial_partner_id.user_id", string="Salesperson"
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    topic_id = fields.Many2one(
        "sale.customer.consultation.topic",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    department_ids = fields.Many2many(
        related="topic_id.department_ids", string="Departments Concerned"
    )
    product_id = fields.Many2one(
        "product.product",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    question = fields.Text(required=True)
    answer = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Received By",
        index=True,
        tracking=True,
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain="[('share', '=', False)]",
    )
    received_date = fields.Datetime(
        string="Received On",
        required=True,
        index=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the customer asked: the answer time is counted from it.",
    )
    state = fields.Selection(
        STATES,
        string="Status",
        required=True,
        default="open",
        copy=False,
        index=True,
        tracking=True,
    )
    answered_uid = fields.Many2one(
        "res.users", string="Answered By", readonly=True, copy=False, index=True
    )
    answered_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    answer_hours = fields.Float(
        string="Answer Time (h)",
        readonly=True,
        copy=False,
        aggregator="avg",
        digits=(16, 2),
        help="Hours from receipt to answer (empty while open).",
    )
    closed_uid = fields.Many2one(
        "res.users", string="Closed By", readonly=True, copy=False
    )
    closed_date = fields.Datetime(string="Closed On", readonly=True, copy=False)
    order_id = fields.Many2one(
        "sale.order",
        string="Quotation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The quotation created from this consultation for a sales follow-up.",
    )
    can_answer = fields.Boolean(compute="_compute_can_buttons")
    can_close = fields.Boolean(compute="_compute_can_buttons")
    can_create_quotation = fields.Boolean(compute="_compute_can_buttons")

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("state", "order_id")
    def _compute_can_buttons(self):
        # the flags follow a step written in the same transaction
        return super()._compute_can_buttons()

    @api.constrains("received_date")
    def _check_received_date(self):
        limit = fields.Datetime.now() + FUTURE_TOLERANCE
        for consultation in self:
            if consultation.received_date > limit:
                raise ValidationError(
                    self.env._(
                        "Consultation %s cannot be received in the future.",
                        consultation.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        trusted = self._workflow_is_trusted()
        for vals in vals_list:
            if not trusted and not vals.get("answer_hours", True):
                # a zero would count as an answer in the averages
                vals.pop("answer_hours")
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("sale.customer.consultation")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        if "received_date" in vals and not self._workflow_is_trusted():
            for consultation in self:
                if consultation.state != "open":
                    raise UserError(
                        self.env._(
                            "Consultation %s is answered: its received date, "
                            "from which the answer time is counted, is kept.",
                            consultation.name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        if any(consultation.state != "open" for consultation in self):
            raise UserError(
                self.env._(
                    "Only open consultations can be deleted; answered ones "
                    "are counted in the monthly statistics."
                )
            )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------

    # the buttons' rules (``order.handling.button.mixin``): customer service
    # (and the administrators) log and answer consultations (电商客服 一.4)

    def _refuse_customer_service(self):
        if self.env.su or self.env.user.has_group(roles.CUSTOMER_SERVICE):
            return ""
        return self.env._("Only customer service answers and closes consultations.")

    def _refuse_state(self, allowed, step):
        self.ensure_one()
        if self.state in allowed:
            return ""
        return self.env._(
            "Consultation %(name)s is %(state)s: it cannot be %(step)s now.",
            name=self.name,
            state=self._workflow_state_labels().get(self.state),
            step=step,
        )

    def _refuse_answer(self):
        return self._refuse_customer_service() or self._refuse_state(
            ("open",), self.env._("answered")
        )

    def _refuse_close(self):
        return self._refuse_customer_service() or self._refuse_state(
            ("answered",), self.env._("closed")
        )

    def _refuse_create_quotation(self):
        self.ensure_one()
        refusal = self._refuse_customer_service()
        if refusal or (self.state != "closed" and not self.order_id):
            return refusal
        return self.env._(
            "Consultation %s is closed or already has a quotation.", self.name
        )

    def action_answer(self):
        """Record the answer: who answered, when, and the hours it took."""
        self._ensure_can("answer")
        self.check_access("write")
        for consultation in self:
            if not (consultation.answer or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer given to the customer in consultation "
                        "%s first.",
                        consultation.name,
                    )
                )
        now = fields.Datetime.now()
        for consultation in self:
            hours = (now - consultation.received_date).total_seconds() / 3600.0
            consultation._workflow_write(
                {
                    "state": "answered",
                    "answered_uid": self.env.uid,
                    "answered_date": now,
                    "answer_hours": round(max(hours, 0.0), 2),
                }
            )
        return True

    def action_close(self):
        self._ensure_can("close")
        self.check_access("write")
        self._workflow_write(
            {
                "state": "closed",
                "closed_uid": self.env.uid,
                "closed_date": fields.Datetime.now(),
            }
        )
        return True

    # ------------------------------------------------------------------
    # Sales follow-up
    # ------------------------------------------------------------------

    def _prepare_quotation_vals(self):
        """Hook: values of the quotation created from the consultation."""
        self.ensure_one()
        vals = {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": (self.salesperson_id or self.env.user).id,
            "origin": self.name,
        }
        if self.product_id:
            vals["order_line"] = [Command.create({"product_id": self.product_id.id})]
        return vals

    def action_create_quotation(self):
        """A quotation for the customer (外贸业务员 三.1 → 二.1 报价): for the
        customer's salesperson, who gets a to-do to follow it up."""
        self._ensure_can("create_quotation")
        self.ensure_one()
        self.check_access("write")
        order = (
            self.env["sale.order"]
            .with_company(self.company_id)
            .create(self._prepare_quotation_vals())
        )
        self._workflow_write({"order_id": order.id})
        self.message_post(
            body=self.env._("Quotation %s created for a sales follow-up.", order.name),
            subtype_xmlid="mail.mt_note",
        )
        if order.user_id and order.user_id != self.env.user:
            schedule_activities(
                [(order, order.user_id)],
                "mail.mail_activity_data_todo",
                summary=_lt("Follow up consultation %s", self.name),
                note=self.question,
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_quotation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # Monthly statistics (R8.6)
    # ------------------------------------------------------------------

    @api.model
    def _get_month_figures(self, company, date_from, date_to):
        """The figures of the consultations of ``company`` received in
        [``date_from``, ``date_to``) (UTC), by topic, in one grouped query:
        ``{topic: {"received", "answered", "open", "answer_hours"}}``
        (``answer_hours``: the average over the answered ones, or None)."""
        groups = self.sudo()._read_group(
            [
                ("company_id", "=", company.id),
                ("received_date", ">=", date_from),
                ("received_date", "<", date_to),
            ],
            ["topic_id", "state"],
            ["__count", "answer_hours:sum"],
        )
        figures = {}
        for topic, state, count, hours in groups:
            values = figures.setdefault(
                topic,
                {"received": 0, "answered": 0, "open": 0, "hours": 0.0},
            )
            values["received"] += count
            if state == "open":
                values["open"] += count
            else:
                values["answered"] += count
                values["hours"] += hours or 0.0
        for values in figures.values():
            hours = values.pop("hours")
            values["answer_hours"] = (
                round(hours / values["answered"], 2) if values["answered"] else None
            )
        return figures

    @api.model
    def _cron_report_to_departments(self):
        """Daily, safe to run twice: the first run of a month reports the
        past month of each company that switched the report on (once per
        company and month, see ``sale.customer.consultation.summary``)."""
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("consultation_report_enabled", "=", True)])
        )
        Summary = self.env["sale.customer.consultation.summary"].sudo()
        summaries = Summary.browse()
        for company in companies:
            summaries |= Summary._report_last_month(company)
        return summaries

    def action_report_to_departments(self):
        """Report the past month of the current company now (managers), as
        the daily job would."""
        if not self.env.user.has_group(roles.MANAGER):
            raise UserError(
                self.env._(
                    "Only order-handling administrators report consultations "
                    "to the departments."
                )
            )
        company = self.env.company
        if not company.consultation_report_enabled:
            raise UserError(
                self.env._(
                    "The monthly consultation report is off for %s: switch it on "
                    "in the settings first.",
                    company.name,
                )
            )
        summary = (
            self.env["sale.customer.consultation.summary"]
            .sudo()
            ._report_last_month(company)
        )
        if not summary:
            raise UserError(
                self.env._(
                    "The consultations of last month have already been reported "
                    "for %s.",
                    company.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": summary._name,
            "res_id": summary.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools.misc import formatLang
from odoo.tools.translate import LazyTranslate

from odoo.addons.order_handling_base.models.mail_batch import schedule_activities
from odoo.addons.order_handling_base.models.mail_queue import with_mail_queue

_lt = LazyTranslate(__name__)

ACTIVITY_TYPE = "sale_customer_consultation.mail_activity_type_consultation_report"


class SaleCustomerConsultationSummary(models.Model):
    """The consultations of one month of one company counted by topic and
    reported to the departments concerned (R8.6: 提供客户咨询的记录和统计,
    及时反馈给相关部门). One per company and month (unique): the record is
    what makes the monthly job safe to run twice."""

    _name = "sale.customer.consultation.summary"
    _inherit = [
        "order.handling.document.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _description = "Monthly Consultation Report"
    _order = "month desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _rec_name = "month"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    month = fields.Char(
        required=True, readonly=True, index=True, help="The month reported (YYYY-MM)."
    )
    date_from = fields.Date(string="First Day", required=True, readonly=True)
    line_ids = fields.One2many(
        "sale.customer.consultation.summary.line",
        "summary_id",
        string="Figures by Topic",
        readonly=True,
    )
    department_ids = fields.Many2many(
        "order.handling.department",
        "sale_customer_consultation_summary_department_rel",
        "summary_id",
        "department_id",
        string="Reported To",
        readonly=True,
    )
    received_count = fields.Integer(
        string="Consultations", compute="_compute_totals", store=True
    )
    answered_count = fields.Integer(
        string="Answered", compute="_compute_totals", store=True
    )

    _sql_constraints = [
        (
            "company_month_uniq",
            "unique(company_id, month)",
            "The consultations of a month are reported once per company.",
        ),
    ]

    @api.depends("line_ids.received_count", "line_ids.answered_count")
    def _compute_totals(self):
        for summary in self:
            summary.received_count = sum(summary.line_ids.mapped("received_count"))
            summary.answered_count = sum(summary.line_ids.mapped("answered_count"))

    # ------------------------------------------------------------------
    # Monthly job
    # ------------------------------------------------------------------

    @api.model
    def _last_month(self, company):
        """The first days of the past month and of the current month in the
        company's time zone, and the month's label (YYYY-MM)."""
        tz_name = company.partner_id.tz or "UTC"
        today = fields.Datetime.context_timestamp(
            self.with_context(tz=tz_name), fields.Datetime.now()
        ).date()
        stop = today.replace(day=1)
        start = stop - relativedelta(months=1)
        return start, stop, start.strftime("%Y-%m")

    @api.model
    def _utc_bounds(self, company, start, stop):
        """Local days ``start`` and ``stop`` as naive UTC datetimes."""
        tz = pytz.timezone(company.partner_id.tz or "UTC")

        def to_utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return to_utc(start), to_utc(stop)

    @api.model
    def _report_last_month(self, company):
        """Count the past month's consultations of ``company`` by topic and
        report them to the departments concerned, unless that month (or a
        later one) is reported already. Called in sudo (the daily job, or
        the administrators' button after their checks).

        :return: the new summary, or an empty recordset"""
        start, stop, label = self._last_month(company)
        if self.search_count(
            [("company_id", "=", company.id), ("month", ">=", label)], limit=1
        ):
            return self.browse()
        date_from, date_to = self._utc_bounds(company, start, stop)
        figures = self.env["sale.customer.consultation"]._get_month_figures(
            company, date_from, date_to
        )
        summary = self.with_context(mail_create_nolog=True).create(
            {
                "company_id": company.id,
                "month": label,
                "date_from": start,
                "line_ids": [
                    Command.create(self._prepare_line_vals(topic, values))
                    for topic, values in figures.items()
                ],
            }
        )
        summary._notify_departments()
        return summary

    @api.model
    def _prepare_line_vals(self, topic, values):
        """Hook: the values of the line of ``topic``."""
        departments = topic.department_ids.filtered("active")
        return {
            "topic_id": topic.id,
            "department_ids": [Command.set(departments.ids)],
            "received_count": values["received"],
            "answered_count": values["answered"],
            "open_count": values["open"],
            "answer_hours": values["answer_hours"] or False,
        }

    @api.model
    def _get_department_people(self, department, company):
        """Hook: who of ``department`` receives its figures: its responsible
        user and members, active internal users of ``company``."""
        users = department.manager_id | department.member_ids
        return users.filtered(
            lambda user: user.active and not user.share and company in user.company_ids
        )

    def _notify_departments(self):
        """One message per department concerned (to its people) and one
        activity per person with the figures of their topics, in the
        company's language."""
        self.ensure_one()
        company = self.company_id
        summary = with_mail_queue(self).with_context(
            lang=company.partner_id.lang or "en_US", mail_post_autofollow=False
        )
        lines_by_department = {}
        for line in summary.line_ids:
            for department in line.department_ids:
                lines_by_department.setdefault(department, summary.line_ids.browse())
                lines_by_department[department] |= line
        lines_by_user = {}
        for department, lines in lines_by_department.items():
            people = self._get_department_people(department, company)
            summary.message_post(
                body=summary._render_figures(lines, department),
                subject=summary.env._(
                    "Consultations of %(month)s: %(department)s",
                    month=self.month,
                    department=department.name,
                ),
                partner_ids=people.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
            for user in people:
                lines_by_user.setdefault(user, summary.line_ids.browse())
                lines_by_user[user] |= lines
        self.department_ids = [Command.set([dep.id for dep in lines_by_department])]
        schedule_activities(
            [
                # each person's figures in their language
                (
                    self,
                    user,
                    {
                        "note": lambda env, lines=lines: summary.with_env(
                            env
                        )._render_figures(lines.with_env(env))
                    },
                )
                for user, lines in lines_by_user.items()
            ],
            ACTIVITY_TYPE,
            summary=_lt("Consultation figures of %s", self.month),
        )

    def _render_figures(self, lines, department=None):
        """The figures of ``lines`` as an HTML table (for a department's
        message, or a person's activity)."""
        self.ensure_one()
        env = self.env
        if department:
            intro = env._(
                "Customer consultations of %(month)s on the topics of %(department)s:",
                month=self.month,
                department=department.name,
            )
        else:
            intro = env._(
                "Customer consultations of %s on your departments' topics:",
                self.month,
            )
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                env._("Topic"),
                env._("Received"),
                env._("Answered"),
                env._("Open"),
                env._("Average Answer Time (h)"),
            )
        )
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                line.topic_id.name,
                line.received_count,
                line.answered_count,
                line.open_count,
                formatLang(env, line.answer_hours, digits=1)
                if line.answered_count
                else "–",
            )
            for line in lines.sorted(lambda line: (line.topic_id.sequence, line.id))
        )
        return Markup(
            '<p>%s</p><table class="table table-sm o_consultation_figures">'
            "<thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (intro, head, rows)


class SaleCustomerConsultationSummaryLine(models.Model):
    _name = "sale.customer.consultation.summary.line"
    _inherit = ["order.handling.document.mixin"]
    _description = "Monthly Consultation Figures of a Topic"
    _order = "summary_id, id"

    summary_id = fields.Many2one(
        "sale.customer.consultation.summary",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="summary_id.company_id", store=True)
    month = fields.Char(related="summary_id.month", store=True)
    topic_id = fields.Many2one(
        "sale.customer.consultation.topic", required=True, readonly=True
    )
    department_ids = fields.Many2many(
        "order.handling.department",
        "sale_customer_consultation_summary_line_department_rel",
        "line_id",
        "department_id",
        string="Departments Concerned",
        readonly=True,
    )
    received_count = fields.Integer(string="Received", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    answer_hours = fields.Float(
        string="Average Answer Time (h)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
    )

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from odoo.addons.order_handling_base.models import roles

MONTHS = [(str(number), str(number)) for number in range(1, 13)]


class OrderHandlingMonthlySummary(models.TransientModel):
    """The monthly summary of R11.2: the KPIs of one month of one company,
    the orders received and shipped in it and the overdue work per
    department, printed as a PDF."""

    _name = "order.handling.monthly.summary"
    _inherit = ["order.handling.document.mixin"]
    _description = "Order Handling Monthly Summary"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )

    @api.constrains("year")
    def _check_year(self):
        for summary in self:
            if not 2000 <= summary.year <= 2100:
                raise ValidationError(
                    self.env._("The year of the summary must be between 2000 and 2100.")
                )

    @api.constrains("company_id")
    def _check_company_allowed(self):
        if self.env.su:
            # the monthly job builds the summary of every company
            return
        for summary in self:
            if summary.company_id not in self.env.user.company_ids:
                raise ValidationError(
                    self.env._(
                        "You cannot print the summary of company %s.",
                        summary.company_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Period
    # ------------------------------------------------------------------

    def _get_month_dates(self):
        """First day of the month and first day of the next month."""
        self.ensure_one()
        start = date(self.year, int(self.month), 1)
        return start, start + relativedelta(months=1)

    def _get_utc_bounds(self):
        """The month in the company's time zone, as naive UTC datetimes (how
        Odoo stores datetimes)."""
        start, stop = self._get_month_dates()
        tz = pytz.timezone(self.company_id.partner_id.tz or "UTC")

        def to_utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return to_utc(start), to_utc(stop)

    def _get_period_label(self):
        self.ensure_one()
        start, _stop = self._get_month_dates()
        return fields.Date.to_string(start)[:7]

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    def _kpi(self, model, date_field, aggregates, extra_domain=None):
        """One grouped read of ``model`` over the month: {aggregate: value}."""
        date_from, date_to = self._get_utc_bounds()
        if self.env[model]._fields[date_field].type == "date":
            date_from, date_to = self._get_month_dates()
        domain = [
            ("company_id", "=", self.company_id.id),
            (date_field, ">=", date_from),
            (date_field, "<", date_to),
        ] + (extra_domain or [])
        values = self.env[model]._read_group(domain, [], aggregates)[0]
        return dict(zip(aggregates, values, strict=True))

    def _get_summary_measures(self):
        """Hook: the blocks of order KPIs of the summary, ``{block: (date
        field of order.handling.kpi.order that places an order in the
        month, [aggregates])}``. An addon adds its measures to a block."""
        return {
            "received": (
                "date_received",
                ["order_count:sum", "first_pass_rate:avg", "stock_fill_rate:avg"],
            ),
            "replied": ("date_replied", ["order_count:sum", "reply_hours:avg"]),
            "shipped": (
                "date_shipped",
                [
                    "order_count:sum",
                    "ship_hours:avg",
                    "on_time_rate:avg",
                    "logistics_cost:sum",
                    "logistics_cost_order:avg",
                    "logistics_cost_unit:avg",
                ],
            ),
            # the month the orders fell due (shipped in full or past their
            # commitment day), not their commitment month, which may lie
            # ahead
            "due": ("month_due", ["fill_rate:avg", "line_fill_rate:avg"]),
        }

    def _get_summary(self):
        """Everything the monthly summary prints, from the KPI report models
        (one grouped query per block). Hook: an addon adds its blocks to the
        result of ``super()`` and its rows to the template
        ``report_monthly_summary_document``."""
        self.ensure_one()
        summary = {
            block: self._kpi("order.handling.kpi.order", date_field, aggregates)
            for block, (date_field, aggregates) in (
                self._get_summary_measures().items()
            )
        }
        overdue = self.env["order.handling.overdue.report"]._read_group(
            [("company_id", "=", self.company_id.id)],
            ["department_id"],
            ["nbr:sum", "overdue_hours:avg"],
            order="department_id",
        )
        summary["overdue"] = [
            {
                "department": department.display_name or self.env._("No department"),
                "count": count,
                "hours": hours,
            }
            for department, count, hours in overdue
        ]
        return summary

    def _format_value(self, value):
        """A figure of the summary with one decimal in the user's language,
        or a dash when nothing was counted (not a misleading 0.0)."""
        if value is None or value is False:
            return "–"
        return formatLang(self.env, value, digits=1)

    def _format_amount(self, value):
        """An amount of the summary in the company's currency, or a dash
        when nothing was counted."""
        if value is None or value is False:
            return "–"
        return formatLang(self.env, value, currency_obj=self.company_id.currency_id)

    def action_print(self):
        self.ensure_one()
        if not self.env.user.has_group(roles.MANAGER):
            raise UserError(
                self.env._(
                    "Only order-handling managers can print the monthly summary."
                )
            )
        return self.env.ref(
            "order_handling_dashboard.action_report_monthly_summary"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Monthly job (R11.2)
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_monthly_summary(self):
        """Send last month's summary of each company to its general managers
        and order-handling administrators, once per month (the month sent is
        kept on the company: safe to run twice). Only for the companies that
        switched the order-handling regulations on (*Confirm Only Accepted
        Orders*): installed, the suite sends nobody anything."""
        sent = self.browse()
        companies = (
            self.env["res.company"].sudo().search([("intake_required", "=", True)])
        )
        for company in companies:
            today = fields.Datetime.context_timestamp(
                self.with_context(tz=company.partner_id.tz or "UTC"),
                fields.Datetime.now(),
            ).date()
            last_month = today.replace(day=1) - relativedelta(months=1)
            label = fields.Date.to_string(last_month)[:7]
            if company.monthly_summary_sent_month == label:
                continue
            summary = self.sudo().create(
                {
                    "year": last_month.year,
                    "month": str(last_month.month),
                    "company_id": company.id,
                }
            )
            summary._send_to_managers()
            company.monthly_summary_sent_month = label
            sent |= summary
        return sent

    def _get_summary_recipients(self):
        """Hook: who receives the summary: the company's general managers
        and order-handling administrators with an e-mail address."""
        self.ensure_one()
        users = (
            self.env.ref(roles.GENERAL_MANAGER).sudo().users
            | self.env.ref(roles.MANAGER).sudo().users
        )
        return users.filtered(
            lambda user: (
                self.company_id in user.company_ids
                and not user.share
                and user.partner_id.email
            )
        )

    def _send_to_managers(self):
        """One mail per language with the summary PDF attached, queued (the
        mail queue sends it)."""
        self.ensure_one()
        recipients = self._get_summary_recipients()
        if not recipients:
            return self.env["mail.mail"]
        company = self.company_id
        by_lang = {}
        for user in recipients:
            lang = user.lang or company.partner_id.lang or "en_US"
            by_lang.setdefault(lang, []).append(user)
        mails = self.env["mail.mail"]
        period = self._get_period_label()
        for lang, users in by_lang.items():
            summary = self.with_context(lang=lang)
            pdf, _type = (
                self.env["ir.actions.report"]
                .sudo()
                .with_context(lang=lang)
                ._render_qweb_pdf(
                    "order_handling_dashboard.action_report_monthly_summary",
                    self.ids,
                )
            )
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": f"Monthly Summary - {period}.pdf",
                        "raw": pdf,
                        "mimetype": "application/pdf",
                    }
                )
            )
            mails |= (
                self.env["mail.mail"]
                .sudo()
                .create(
                    {
                        "subject": summary.env._(
                            "Monthly summary %(month)s: %(company)s",
                            month=period,
                            company=company.name,
                        ),
                        "body_html": Markup("<p>%s</p>")
                        % summary.env._(
                            "The order-handling summary of %(company)s for "
                            "%(month)s is attached.",
                            company=company.name,
                            month=period,
                        ),
                        "email_from": company.email_formatted
                        or self.env.ref("base.partner_root").email_formatted,
                        "recipient_ids": [
                            Command.set([user.partner_id.id for user in users])
                        ],
                        "attachment_ids": [Command.link(attachment.id)],
                        "auto_delete": True,
                    }
                )
            )
        return mails

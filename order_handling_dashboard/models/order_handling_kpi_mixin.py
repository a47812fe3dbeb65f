# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class OrderHandlingKpiMixin(models.AbstractModel):
    """Rates of the KPI report models that stay right when rows are grouped.

    A rate field (``first_pass_rate`` …) holds the rate of its row; grouped
    (pivot, graph, ``read_group``) it is computed from the sums of its
    numerator and denominator columns, in the same SQL query, instead of
    averaging the rows' rates::

        _kpi_ratios = {"first_pass_rate": ("first_pass_count", "checked_count")}

    A percentage by default; a third item is another factor (``1.0`` for an
    amount per unit). An addon that adds measures by inheritance adds its
    rates in ``_kpi_get_ratios()``.
    """

    _name = "order.handling.kpi.mixin"
    _description = "Order Handling KPI Report Mixin"

    # rate field -> (numerator field, denominator field[, factor]); factor
    # 100.0 (a percentage) when not given
    _kpi_ratios = {}

    def _kpi_get_ratios(self):
        """Hook: the rates of the model; an inheriting addon adds its own to
        the result of ``super()``."""
        return dict(self._kpi_ratios)

    @staticmethod
    def _kpi_company_tz_query():
        """A query of ``(company_id, tz)``: the time zone of each company (its
        partner's), ``UTC`` when it has none. The months of the KPI views are
        months of this time zone, whoever reads them. The name is one of
        pytz's (the partner's selection), which PostgreSQL knows, as Odoo's
        own grouping by month in the reader's time zone relies on; checking
        it against ``pg_timezone_names`` would cost a scan of the time zone
        database (about 0.1 s) on every read."""
        return SQL(
            """
            SELECT c.id AS company_id, COALESCE(NULLIF(cp.tz, ''), 'UTC') AS tz
              FROM res_company c
              JOIN res_partner cp ON cp.id = c.partner_id
            """
        )

    @staticmethod
    def _kpi_local(timestamp, tz):
        """SQL: the UTC ``timestamp`` column as a local time of ``tz``."""
        return SQL("((%s) AT TIME ZONE 'UTC' AT TIME ZONE %s)", timestamp, tz)

    @classmethod
    def _kpi_month(cls, timestamp, tz):
        """SQL: the first day of the month of ``timestamp`` in ``tz`` (a
        date: grouped by month it is the same month for every reader)."""
        return SQL("date_trunc('month', %s)::date", cls._kpi_local(timestamp, tz))

    def _read_group_select(self, aggregate_spec, query):
        fname = aggregate_spec.split(":")[0]
        ratio = self._kpi_get_ratios().get(fname)
        if ratio:
            numerator, denominator, *factor = ratio
            # the access check of the standard method, on every field used
            for name in (fname, numerator, denominator):
                super()._read_group_select(f"{name}:sum", query)
            return SQL(
                "%s * SUM(%s) / NULLIF(SUM(%s), 0)",
                factor[0] if factor else 100.0,
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, denominator, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _kpi_open_records(self, model, field_name, name):
        """Window action on the ``model`` records behind ``self`` (the rows
        selected in a list, or the rows of a pivot cell)."""
        records = self.mapped(field_name)
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", records.ids)],
            "context": {"create": False},
        }
        if len(records) == 1:
            action.update(views=[(False, "form")], res_id=records.id)
        return action

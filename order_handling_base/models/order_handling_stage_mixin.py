# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

#: the stored fields of ``order.handling.stage.log`` that ``_stage_log_move``
#: fills in SQL; a log with other stored fields (added by another addon) is
#: written through the ORM, which applies their defaults and computes
STAGE_LOG_SQL_FIELDS = frozenset(
    {
        "id",
        "res_model",
        "res_id",
        "stage",
        "document_type",
        "stage_key",
        "user_id",
        "company_id",
        "date_start",
        "date_end",
        "duration_hours",
        "sla_deadline",
        "is_late",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
    }
)


class OrderHandlingStageMixin(models.AbstractModel):
    """Record every stage change of a document in ``order.handling.stage.log``.

    Consume it with a class attribute naming the stage field (a selection or a
    many2one), as ``tier.validation`` is configured::

        class MyDocument(models.Model):
            _name = "my.document"
            _inherit = ["order.handling.stage.mixin", "mail.thread"]
            _stage_field = "state"
    """

    _name = "order.handling.stage.mixin"
    _inherit = ["order.handling.document.mixin"]
    _description = "Order Handling Stage Log Mixin"

    _stage_field = "state"

    stage_start = fields.Datetime(
        string="In Stage Since",
        readonly=True,
        copy=False,
        help="When the document entered its current stage.",
    )
    stage_log_ids = fields.One2many(
        "order.handling.stage.log",
        "res_id",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )

    def _stage_value(self):
        """Stage of ``self`` as stored in the log (selection key or record id)."""
        self.ensure_one()
        value = self[self._stage_field]
        if isinstance(value, models.BaseModel):
            return str(value.id) if value else False
        return value or False

    @api.model
    def _stage_label(self, values=None):
        """Map stored stage values (all of them when ``values`` is None) to
        labels in the user's language."""
        field = self._fields[self._stage_field]
        if field.type == "many2one":
            Stage = self.env[field.comodel_name].sudo().with_context(active_test=False)
            if values is None:
                records = Stage.search([])
            else:
                records = Stage.browse(
                    [int(v) for v in values if v and str(v).isdigit()]
                )
            return {str(rec.id): rec.display_name for rec in records}
        return dict(field._description_selection(self.env))

    def _stage_log_extra_vals(self):
        """Hook: values added to the log row that closes the current stage."""
        return {}

    @api.model_create_multi
    def create(self, vals_list):
        # values of the wrong type are refused before they are used below
        self._oh_check_values(vals_list)
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.setdefault("stage_start", now)
        records = super().create(vals_list)
        records._stage_log_open()
        return records

    def write(self, vals):
        # values of the wrong type are refused before they are used below
        self._oh_check_values([vals])
        field = self._stage_field
        if field not in vals:
            return super().write(vals)
        new_value = vals[field]
        if self._fields[field].type == "many2one":
            new_value = str(new_value) if new_value else False
        changed = self.filtered(lambda rec: rec._stage_value() != (new_value or False))
        # what closes the current stage is read before the write changes it
        extra_by_id = {record.id: record._stage_log_extra_vals() for record in changed}
        now = fields.Datetime.now()
        if changed == self:
            result = super().write(dict(vals, stage_start=now))
        else:
            result = super().write(vals)
            if changed:
                super(OrderHandlingStageMixin, changed).write({"stage_start": now})
        changed._stage_log_move(extra_by_id, now)
        return result

    def _stage_log_move(self, extra_by_id, now):
        """Close the open log rows of ``self`` and open the rows of their
        new stage: one statement (``_stage_log_sql``) when the log has only
        the suite's fields, else through the ORM."""
        if not self:
            return
        if not self._stage_log_sql_ok(extra_by_id):
            self._stage_log_close(extra_by_id, now)
            self._stage_log_open()
            return
        Log = self.env["order.handling.stage.log"].sudo()
        Log.flush_model()
        close = self._stage_log_close_sql(extra_by_id, now)
        rows = self._stage_log_open_values()
        if not rows:
            self.env.cr.execute(close)
            closed_ids = [row[0] for row in self.env.cr.fetchall()]
        else:
            write_date = self.env.cr.now()
            values = SQL(", ").join(
                SQL(
                    "(%s, %s, %s, %s, %s, %s, %s, %s, 0.0, FALSE, %s, %s, %s, %s)",
                    row["res_model"],
                    row["res_id"],
                    row["stage"],
                    row["document_type"],
                    row["stage_key"],
                    row["date_start"],
                    row["company_id"],
                    self.env.uid,
                    self.env.uid,
                    write_date,
                    self.env.uid,
                    write_date,
                )
                for row in rows
            )
            # a data-modifying WITH: the UPDATE and the INSERT see the same
            # snapshot, so the rows opened are not the ones closed
            self.env.cr.execute(
                SQL(
                    """
                    WITH closed AS (%(close)s),
                         opened AS (
                        INSERT INTO order_handling_stage_log
                               (res_model, res_id, stage, document_type,
                                stage_key, date_start, company_id, user_id,
                                duration_hours, is_late, create_uid,
                                create_date, write_uid, write_date)
                        VALUES %(values)s
                        RETURNING id
                    )
                    SELECT id FROM closed
                    """,
                    close=close,
                    values=values,
                )
            )
            closed_ids = [row[0] for row in self.env.cr.fetchall()]
            # the new rows are not in the cached lists of the documents' rows
            self.invalidate_recordset(["stage_log_ids"])
        self._stage_log_invalidate_closed(closed_ids)

    def _stage_log_sql_ok(self, extra_by_id):
        """Whether the log rows can be written in SQL: the extra values are
        the SLA deadline only, and the log has no stored field (with a
        default or a compute) that the statement would not fill."""
        if any(
            key != "sla_deadline" for extra in extra_by_id.values() for key in extra
        ):
            return False
        Log = self.env["order.handling.stage.log"]
        stored = {
            name
            for name, field in Log._fields.items()
            if field.store and field.column_type
        }
        return stored <= STAGE_LOG_SQL_FIELDS

    def _stage_log_open(self):
        logs = self._stage_log_open_values()
        if logs:
            self.env["order.handling.stage.log"].sudo().create(logs)

    def _stage_log_open_values(self):
        return [
            {
                "res_model": self._name,
                "res_id": record.id,
                "stage": record._stage_value(),
                "document_type": self._name,
                "stage_key": f"{self._name},{record._stage_value()}",
                "date_start": record.stage_start,
                "company_id": (
                    record.company_id.id
                    if "company_id" in record._fields and record.company_id
                    else self.env.company.id
                ),
                # what the computes give an open row, given here: the row is
                # inserted complete, with no recompute and UPDATE after it
                "duration_hours": 0.0,
                "is_late": False,
            }
            for record in self
            if record._stage_value()
        ]

    def _stage_log_close(self, extra_by_id=None, now=None):
        """Close the open log rows of ``self`` in one UPDATE.

        Raw SQL because this runs at every stage change of every document:
        through the ORM it takes a search, a read, the write and the
        recompute of ``duration_hours`` / ``is_late`` (four queries). The
        statement sets what the ORM would (``date_end``, the extra values,
        the two computed fields with the same arithmetic, ``write_uid`` /
        ``write_date``) and the cache of the rows is invalidated."""
        if not self.ids:
            return
        Log = self.env["order.handling.stage.log"].sudo()
        Log.flush_model()
        now = now or fields.Datetime.now()
        if extra_by_id is None:
            extra_by_id = {record.id: record._stage_log_extra_vals() for record in self}
        unknown = {key for extra in extra_by_id.values() for key in extra} - {
            "sla_deadline"
        }
        if unknown:
            # a consumer added other values: let the ORM write them
            return self._stage_log_close_orm(extra_by_id, now)
        self.env.cr.execute(self._stage_log_close_sql(extra_by_id, now))
        self._stage_log_invalidate_closed([row[0] for row in self.env.cr.fetchall()])

    def _stage_log_close_sql(self, extra_by_id, now):
        """The UPDATE that closes the open log rows of ``self`` (returning
        their ids)."""
        rows = SQL(", ").join(
            SQL(
                "(%s, %s::timestamp)",
                record_id,
                extra.get("sla_deadline") or None,
            )
            for record_id, extra in extra_by_id.items()
        )
        return SQL(
            """
            UPDATE order_handling_stage_log AS log
               SET date_end = %(now)s,
                   sla_deadline = COALESCE(v.deadline, log.sla_deadline),
                   duration_hours = EXTRACT(
                       EPOCH FROM (%(now)s - log.date_start)
                   )::float8 / 3600.0::float8,
                   is_late = COALESCE(
                       %(now)s > COALESCE(v.deadline, log.sla_deadline),
                       FALSE
                   ),
                   write_uid = %(uid)s,
                   write_date = %(write_date)s
              FROM (VALUES %(rows)s) AS v(res_id, deadline)
             WHERE log.res_model = %(model)s
               AND log.res_id = v.res_id
               AND log.date_end IS NULL
         RETURNING log.id
            """,
            now=now,
            uid=self.env.uid,
            write_date=self.env.cr.now(),
            rows=rows,
            model=self._name,
        )

    def _stage_log_invalidate_closed(self, log_ids):
        if log_ids:
            self.env["order.handling.stage.log"].browse(log_ids).invalidate_recordset(
                [
                    "date_end",
                    "sla_deadline",
                    "duration_hours",
                    "is_late",
                    "write_uid",
                    "write_date",
                ]
            )

    def _stage_log_close_orm(self, extra_by_id, now):
        """``_stage_log_close`` through the ORM, for extra values other
        than the SLA deadline."""
        Log = self.env["order.handling.stage.log"].sudo()
        open_logs = Log.search_fetch(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("date_end", "=", False),
            ],
            ["res_id", "date_start", "sla_deadline"],
        )
        # one write per distinct set of extra values (usually one in all)
        logs_by_extra = defaultdict(lambda: Log.browse())
        for log in open_logs:
            key = tuple(sorted(extra_by_id.get(log.res_id, {}).items()))
            logs_by_extra[key] |= log
        for key, logs in logs_by_extra.items():
            logs.write(dict(key, date_end=now))

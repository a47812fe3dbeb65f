# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The clock of the demo scenario.

The workflow methods date what they do with the current time, so a scenario
run in one transaction would happen in one instant: every cycle time of the
dashboard would be nil and nothing would be late. Each order therefore gets a
timeline: it starts a fixed number of days before the run, and each step
says how many hours after the previous one it happened (``_tick``). After
each step the rows the step created or dated are moved back to the step's
time with SQL:

* the rows created since the previous step get that time as
  ``create_date``/``write_date``;
* the event dates the step wrote (``EVENT_COLUMNS``: a date at or after the
  start of the run was written by this run) take that time;
* a deadline planned from an event date (``ANCHORED``: the SLA deadline from
  the date the record entered its stage) moves with it, by the same span.

Only rows made by the run are touched (ids above those found at its start).
The dates an order plans ahead (commitment date, proposed date, pickings'
schedule) were set relative to the run; once the order has reached its stage
they are moved by the offset of the order's start (``_clock_shift_planned``).
Everything is relative to the time of the run and deterministic.

Raw SQL: the columns are technical timestamps the ORM does not let anyone
write (``create_date``) or that no workflow method sets to a past date.
"""

from datetime import timedelta

from odoo.tools import SQL
from odoo.tools.sql import table_exists

# table → event columns: a column name, or (column, condition) when the
# column is an event date only for some rows (the date of a move is its
# planned date until it is done)
EVENT_COLUMNS = {
    "sale_order": [
        "date_order",
        "sales_signoff_date",
        "intake_submitted_date",
        "intake_received_date",
        "intake_checked_date",
        "intake_recheck_date",
        "intake_accepted_date",
        "delivery_date_replied_date",
        "urgency_decision_date",
        "effective_date",
    ],
    "order_handling_stage_log": ["date_end"],
    "order_handling_transfer": [
        "sent_date",
        "acknowledged_date",
        "forwarded_date",
        "cancelled_date",
    ],
    "sale_order_review": ["decision_date"],
    "sale_order_review_meeting": ["approved_date"],
    "sale_order_review_opinion": [],
    "tier_review": ["reviewed_date"],
    "stock_picking": ["date", "date_done"],
    "stock_move": [("date", "state = 'done'")],
    "stock_move_line": [("date", "state = 'done'")],
    "sale_customer_visit": ["date_done"],
    "sale_customer_complaint": ["customer_confirmed_date", "closed_date"],
    "rma": ["date"],
    "sale_engineering_plan": ["approved_date", "issued_date", "done_date"],
    "sale_engineering_plan_deliverable": ["done_date"],
    "sale_engineering_plan_followup": ["date"],
    "sale_followup_spec": ["confirmed_on"],
    "sale_followup_notice": ["issued_date", "started_date", "done_date"],
    "sale_order_change_request": ["applied_date"],
    "sale_order_cancel_request": ["applied_date"],
    "sale_order_archive": ["archived_date", "verified_date"],
    "sale_intel_report": ["submitted_date", "evaluated_date", "closed_date"],
    "sale_intel_reward": ["approved_date"],
    "mail_message": ["date"],
    "mail_activity": [],
    "rating_rating": [],
}
# table → {event column: deadlines planned from it}
ANCHORED = {
    "sale_order": {"stage_start": []},
    "order_handling_stage_log": {"date_start": ["sla_deadline"]},
    "order_handling_transfer": {"stage_start": []},
    "sale_order_review": {"stage_start": []},
    "sale_engineering_plan": {"stage_start": []},
    "sale_engineering_plan_deliverable": {"stage_start": []},
    "sale_customer_complaint": {
        "stage_start": [],
        "acknowledged_date": ["resolution_deadline"],
    },
}
# table → dates planned ahead when the row is created: moved with it
PLANNED_AT_CREATION = {
    "sale_engineering_plan_deliverable": ["date_due"],
    "sale_followup_notice": ["date_planned_start", "date_planned_end"],
}
# the documents with an SLA deadline (order_handling_base's SLA mixin): it is
# planned again from their back-dated stage start once the run is over
SLA_MODELS = [
    "sale.order",
    "order.handling.transfer",
    "sale.order.review",
    "sale.engineering.plan",
    "sale.engineering.plan.deliverable",
    "sale.customer.complaint",
]
# the last step of a timeline stays this far before the run
MARGIN = timedelta(minutes=10)


class DemoTimeline:
    """The clock of ``DemoScenario`` (see the module's docstring)."""

    def _clock_init(self):
        """Remember where the run starts: its time and the last ids."""
        cr = self.env.cr
        self.env.flush_all()
        # what the run writes is dated at or after the transaction's start
        # (create_date) or the clock at the time of the write (event dates)
        self._run_start = cr.now().replace(microsecond=0)
        self._tables = [t for t in EVENT_COLUMNS if table_exists(cr, t)]
        self._first_id = {}
        for table in self._tables:
            cr.execute(
                SQL("SELECT COALESCE(MAX(id), 0) FROM %s", SQL.identifier(table))
            )
            self._first_id[table] = cr.fetchone()[0]
        self._last_id = dict(self._first_id)
        self._clock = self._run_start - MARGIN
        self._pace = 1.0
        self._order_offset = timedelta(0)

    def _clock_start(self, days_ago, pace=1.0):
        """A new timeline, ``days_ago`` days before the run; the hours of
        its steps are multiplied by ``pace``."""
        self._clock_tick(0)  # anything still undated belongs to the last one
        self._order_offset = -timedelta(days=days_ago)
        self._clock = self._run_start + self._order_offset
        self._pace = pace

    def _tick(self, hours):
        """The step just done happened ``hours`` after the previous one."""
        return self._clock_tick(hours * self._pace)

    def _clock_tick(self, hours):
        self._clock = min(
            self._clock + timedelta(hours=hours), self._run_start - MARGIN
        )
        self._clock_date(self._clock)

    def _clock_date(self, when):
        """Date the rows written since the previous step at ``when``."""
        cr = self.env.cr
        self.env.flush_all()
        for table in self._tables:
            sets, fresh = self._clock_assignments(table, when)
            query = SQL(
                "UPDATE %(table)s SET %(sets)s WHERE id > %(first)s AND (%(fresh)s)"
                " RETURNING id",
                table=SQL.identifier(table),
                sets=SQL(", ").join(sets),
                first=self._first_id[table],
                fresh=SQL(" OR ").join(fresh),
            )
            cr.execute(query)
            ids = [row[0] for row in cr.fetchall()]
            if ids:
                self._last_id[table] = max(self._last_id[table], *ids)
        self.env.invalidate_all()

    def _clock_assignments(self, table, when):
        """``(SET clauses, WHERE conditions)`` of the statement dating the
        rows of ``table`` at ``when``."""
        when, fresh = SQL("%s::timestamp", when), SQL("%s::timestamp", self._run_start)
        created = SQL("id > %s", self._last_id[table])
        sets = [
            SQL(
                "create_date = CASE WHEN %s THEN %s ELSE create_date END", created, when
            ),
            SQL("write_date = CASE WHEN %s THEN %s ELSE write_date END", created, when),
        ]
        for column in PLANNED_AT_CREATION.get(table, []):
            col = SQL.identifier(column)
            sets.append(
                SQL(
                    "%s = CASE WHEN %s THEN %s + (%s - %s) ELSE %s END",
                    col,
                    created,
                    col,
                    when,
                    fresh,
                    col,
                )
            )
        conditions = [created]
        for spec in EVENT_COLUMNS[table]:
            column, extra = spec if isinstance(spec, tuple) else (spec, None)
            col = SQL.identifier(column)
            cond = SQL("%s >= %s", col, fresh)
            if extra:
                cond = SQL("(%s AND %s)", cond, SQL(extra))
            sets.append(
                SQL("%s = CASE WHEN %s THEN %s ELSE %s END", col, cond, when, col)
            )
            conditions.append(cond)
        for anchor, deadlines in ANCHORED.get(table, {}).items():
            anc = SQL.identifier(anchor)
            cond = SQL("%s >= %s", anc, fresh)
            for deadline in deadlines:
                dl = SQL.identifier(deadline)
                sets.append(
                    SQL(
                        "%s = CASE WHEN %s THEN %s + (%s - %s) ELSE %s END",
                        dl,
                        cond,
                        dl,
                        when,
                        anc,
                        dl,
                    )
                )
            sets.append(
                SQL("%s = CASE WHEN %s THEN %s ELSE %s END", anc, cond, when, anc)
            )
            conditions.append(cond)
        return sets, conditions

    def _clock_shift_planned(self, order):
        """Move what ``order`` planned ahead of the run (commitment and
        proposed dates, deadlines, pickings' schedule, meetings) by the
        offset of its timeline, and date its visits as they happened."""
        self.env.flush_all()
        cr = self.env.cr
        offset = self._order_offset
        days = offset.days
        cr.execute(
            SQL(
                """
                UPDATE sale_order
                   SET commitment_date = commitment_date + %(offset)s,
                       delivery_date_proposed = delivery_date_proposed + %(offset)s,
                       urgent_deadline = urgent_deadline + %(offset)s,
                       validity_date = validity_date + %(days)s
                 WHERE id = %(order)s;
                UPDATE stock_picking
                   SET scheduled_date = scheduled_date + %(offset)s,
                       date_deadline = date_deadline + %(offset)s
                 WHERE sale_id = %(order)s AND id > %(first_picking)s;
                UPDATE stock_move m
                   SET date_deadline = m.date_deadline + %(offset)s,
                       date = CASE WHEN m.state != 'done'
                                   THEN m.date + %(offset)s ELSE m.date END
                  FROM stock_picking p
                 WHERE p.id = m.picking_id AND p.sale_id = %(order)s
                   AND m.id > %(first_move)s;
                UPDATE sale_order_review_meeting mt
                   SET date_start = date_trunc('hour', mt.create_date)
                                    + interval '26 hours'
                  FROM sale_order_review r
                 WHERE r.id = mt.review_id AND r.order_id = %(order)s;
                UPDATE sale_order_change_request
                   SET new_commitment_date = new_commitment_date + %(offset)s,
                       old_commitment_date = old_commitment_date + %(offset)s
                 WHERE order_id = %(order)s;
                UPDATE sale_customer_visit
                   SET date_planned = CASE WHEN date_done IS NOT NULL
                                           THEN date_done::date
                                           ELSE create_date::date + 7 END
                 WHERE order_id = %(order)s;
                UPDATE mail_tracking_value v
                   SET old_value_datetime = v.old_value_datetime + %(offset)s,
                       new_value_datetime = v.new_value_datetime + %(offset)s
                  FROM mail_message m, ir_model_fields f
                 WHERE m.id = v.mail_message_id AND f.id = v.field_id
                   AND m.model = 'sale.order' AND m.res_id = %(order)s
                   AND f.name IN ('commitment_date', 'delivery_date_proposed',
                                  'urgent_deadline');
                """,
                offset=offset,
                days=days,
                order=order.id,
                first_picking=self._first_id["stock_picking"],
                first_move=self._first_id["stock_move"],
            )
        )
        self.env.invalidate_all()

    def _clock_finish(self):
        """Date what is left at the last step's time and recompute what the
        SQL above bypassed: the SLA deadlines of the documents the run made
        (planned from the stage start and dates it moved) and the durations
        of their stage logs."""
        self._clock_tick(0)
        for model in SLA_MODELS:
            if model not in self.env:
                continue
            Model = self.env[model].with_context(active_test=False)
            records = Model.search([("id", ">", self._first_id.get(Model._table, 0))])
            for fname in ("sla_policy_id", "sla_deadline", "sla_at_risk_date"):
                self.env.add_to_compute(Model._fields[fname], records)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE order_handling_stage_log
                   SET duration_hours = CASE WHEN date_end IS NOT NULL
                       THEN EXTRACT(EPOCH FROM date_end - date_start) / 3600.0
                       ELSE 0 END,
                       is_late = COALESCE(date_end > sla_deadline, FALSE)
                 WHERE id > %s
                """,
                self._first_id["order_handling_stage_log"],
            )
        )
        # the day an intelligence report was filed
        if "sale_intel_report" in self._first_id:
            self.env.cr.execute(
                SQL(
                    "UPDATE sale_intel_report SET date_report = create_date::date"
                    " WHERE id > %s",
                    self._first_id["sale_intel_report"],
                )
            )
        self.env.invalidate_all()

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: weeks are ISO weeks (Monday to Sunday, 52 or 53 a year, adding
up to the year) instead of ISO weeks clipped to their month (63 rows for
2026, week 5 twice, one-day "weeks").

The weekly breakdown of every target is computed again, draft, confirmed or
cancelled: the quarters and months (what was agreed) do not change, only the
weeks derived from them. Except where money hangs on a week: a target one of
whose weeks has an incentive (``sale_target_incentive``) sent for approval
or approved keeps its old weeks untouched, so that the incentive still
points at the period it was approved for; its chatter says so. Draft
incentives of the weeks that are replaced are deleted, as a breakdown
computed again does in that addon; the next computation (cron or wizard)
makes them again on the new weeks. Hand-adjusted weekly amounts of the
replaced weeks are not kept (they are listed in the target's chatter).
The chatter notes are a one-off record of the upgrade, in English."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import table_exists

_logger = logging.getLogger(__name__)


def _drop_draft_incentives(cr, target_ids):
    """Delete the draft incentives of the weeks of ``target_ids`` (SQL: the
    incentive addon is not loaded yet when this script runs)."""
    cr.execute(
        """
        DELETE FROM sale_target_incentive i
         USING sale_target_period p
         WHERE p.id = i.period_id
           AND p.period_type = 'week'
           AND i.state = 'draft'
           AND p.target_id IN %s
        RETURNING i.id
        """,
        [tuple(target_ids)],
    )
    ids = tuple(row[0] for row in cr.fetchall())
    if not ids:
        return
    tables = [
        ("mail_followers", "res_model"),
        ("mail_activity", "res_model"),
        ("mail_message", "model"),
        ("tier_review", "model"),
    ]
    for table, model_column in tables:
        if table_exists(cr, table):
            cr.execute(
                SQL(
                    "DELETE FROM %s WHERE %s = 'sale.target.incentive' "
                    "AND res_id IN %s",
                    SQL.identifier(table),
                    SQL.identifier(model_column),
                    ids,
                )
            )
    _logger.info("Deleted %s draft weekly incentives", len(ids))


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    kept_ids = set()
    if table_exists(cr, "sale_target_incentive"):
        cr.execute(
            """
            SELECT DISTINCT p.target_id
              FROM sale_target_incentive i
              JOIN sale_target_period p ON p.id = i.period_id
             WHERE p.period_type = 'week' AND i.state != 'draft'
            """
        )
        kept_ids = {row[0] for row in cr.fetchall()}
    cr.execute("SELECT DISTINCT target_id FROM sale_target_period")
    target_ids = sorted({row[0] for row in cr.fetchall()} - kept_ids)
    Target = env["sale.target"].with_context(
        tracking_disable=True, mail_notrack=True, mail_create_nolog=True
    )
    if target_ids:
        if table_exists(cr, "sale_target_incentive"):
            _drop_draft_incentives(cr, target_ids)
        targets = Target.browse(target_ids)
        old_weeks = {
            target.id: target.period_ids.filtered(lambda p: p.period_type == "week")
            for target in targets
        }
        summaries = {
            target_id: ", ".join(
                f"{week.name}: {week.amount:.2f}" for week in weeks.sorted("date_from")
            )
            for target_id, weeks in old_weeks.items()
        }
        # SQL: the ORM refuses to delete the periods of a confirmed target
        cr.execute(
            "DELETE FROM sale_target_period "
            "WHERE period_type = 'week' AND target_id IN %s",
            [tuple(target_ids)],
        )
        env.invalidate_all()
        env["sale.target.period"].create(targets._prepare_week_vals())
        for target in targets:
            target.message_post(
                body=(
                    "Weeks recomputed as ISO weeks (Monday to Sunday) adding up "
                    "to the annual target; quarters and months unchanged. "
                    f"Previous weeks: {summaries.get(target.id) or '-'}"
                ),
                subtype_xmlid="mail.mt_note",
            )
        _logger.info("Weeks of %s sales targets recomputed as ISO weeks", len(targets))
    for target in Target.browse(sorted(kept_ids)):
        target.message_post(
            body=(
                "Weeks kept as they were (cut at month ends): an incentive sent "
                "for approval or approved uses them. Quarters and months are "
                "unchanged."
            ),
            subtype_xmlid="mail.mt_note",
        )
    if kept_ids:
        _logger.info(
            "Weeks of %s sales targets kept: incentives use them", len(kept_ids)
        )

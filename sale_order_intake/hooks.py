# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def post_init_hook(env):
    """Orders that existed before the suite are past intake: confirmed ones
    count as accepted, cancelled ones as cancelled, so they neither wait in
    the intake queue nor block anything."""
    orders = env["sale.order"].with_context(tracking_disable=True).sudo()
    orders.search([("state", "=", "sale")]).write({"intake_stage": "accepted"})
    orders.search([("state", "=", "cancel")]).write({"intake_stage": "cancelled"})


def fill_received_dates(env):
    """Orders submitted before ``intake_received_date`` existed (it was the
    dashboard's field up to 18.0.1.1.0): their received date is the first
    entry into the 'submitted' stage of the stage log, or the last submission
    when the log has none. One UPDATE for all of them."""
    env.cr.execute(
        SQL(
            """
            UPDATE sale_order so
               SET intake_received_date = COALESCE(
                       (SELECT min(l.date_start)
                          FROM order_handling_stage_log l
                         WHERE l.res_model = 'sale.order'
                           AND l.res_id = so.id
                           AND l.stage = 'submitted'),
                       so.intake_submitted_date)
             WHERE so.intake_received_date IS NULL
               AND so.intake_submitted_date IS NOT NULL
            """
        )
    )

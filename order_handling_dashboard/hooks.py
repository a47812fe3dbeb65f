# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def post_init_hook(env):
    """Orders submitted before the addon was installed: their received date
    is the first entry into the 'submitted' stage of the stage log, or the
    last submission when the log has none. One UPDATE for all of them."""
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

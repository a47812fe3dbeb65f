# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Orders that existed before the suite are past intake: confirmed ones
    count as accepted, cancelled ones as cancelled, so they neither wait in
    the intake queue nor block anything."""
    orders = env["sale.order"].with_context(tracking_disable=True).sudo()
    orders.search([("state", "=", "sale")]).write({"intake_stage": "accepted"})
    orders.search([("state", "=", "cancel")]).write({"intake_stage": "cancelled"})

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: a product plan's title is translated (order_handling_base
DEVELOP.md, "Texts the server writes"). The update converted its column to
``jsonb``, each title kept as its ``en_US`` value; the titles the server
generated and nobody changed since ("Product plan for S00052", in whatever
language the step ran) are written again in every active language."""

from odoo import SUPERUSER_ID, api

from odoo.addons.order_handling_base.models.texts import regenerate_names
from odoo.addons.sale_engineering_plan.models.sale_engineering_plan import _lt


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """SELECT plan.id, plan.title->>'en_US', so.name
             FROM sale_engineering_plan plan
             JOIN sale_order so ON so.id = plan.order_id
            WHERE (SELECT count(*) FROM jsonb_object_keys(plan.title)) = 1"""
    )
    regenerate_names(
        env,
        "sale.engineering.plan",
        "title",
        cr.fetchall(),
        lambda order_name: _lt("Product plan for %s", order_name),
    )

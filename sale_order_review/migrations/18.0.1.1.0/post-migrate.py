# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: a review meeting's name is translated, generated when the
meeting is created (order_handling_base DEVELOP.md, "Texts the server
writes"). The update converted its column to ``jsonb``, each name kept as
its ``en_US`` value; the names generated before ("Review meeting
RV/2026/00016", in whatever language the step ran) are written again in
every active language."""

from odoo import SUPERUSER_ID, api

from odoo.addons.order_handling_base.models.texts import regenerate_names
from odoo.addons.sale_order_review.models.sale_order_review_meeting import _lt


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """SELECT meeting.id, meeting.name->>'en_US', review.name
             FROM sale_order_review_meeting meeting
             JOIN sale_order_review review ON review.id = meeting.review_id
            WHERE (SELECT count(*) FROM jsonb_object_keys(meeting.name)) = 1"""
    )
    regenerate_names(
        env,
        "sale.order.review.meeting",
        "name",
        cr.fetchall(),
        lambda review_name: _lt("Review meeting %(review)s", review=review_name or ""),
    )

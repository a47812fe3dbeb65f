# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.order_handling_base.models.order_handling_document_mixin import (
    check_values,
)
from odoo.addons.order_handling_base.models.trusted_scope import is_trusted

#: the statuses that decide a review
DECIDED = ("approved", "rejected")


class TierReview(models.Model):
    """The one way past the approval workflow is the superuser's: reviews
    are written only by the workflow's steps (order_handling_base), or in
    sudo. A review of a suite document decided in sudo outside those steps
    (an administrator in superuser mode, a server action or a shell writing
    ``status``) is allowed, and registered as a violation (R7.1 → R7.8)."""

    _inherit = "tier.review"

    def _violation_outside_workflow(self):
        """Written by the superuser, outside the workflow's trusted steps."""
        return self.env.su and not is_trusted("tier.review")

    def _violation_suite_reviews(self):
        """Hook: the reviews whose bypass is a violation: those of the
        suite's documents."""
        return self.filtered(
            lambda r: (
                r.model in self.env
                and hasattr(self.env[r.model], "_oh_is_suite_document")
                and self.env[r.model]._oh_is_suite_document()
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        if self._violation_outside_workflow():
            for status in DECIDED:
                bypassed = reviews.filtered(lambda r, s=status: r.status == s)
                self.env["sale.order.violation"]._register_approval_bypass(
                    bypassed._violation_suite_reviews(), status
                )
        return reviews

    def write(self, vals):
        # values that are not a dictionary are refused before they are read
        check_values(self, [vals])
        status = vals.get("status")
        bypassed = self.browse()
        if status in DECIDED and self._violation_outside_workflow():
            bypassed = self.filtered(lambda r: r.status != status)
            bypassed = bypassed._violation_suite_reviews()
        result = super().write(vals)
        if bypassed:
            self.env["sale.order.violation"]._register_approval_bypass(bypassed, status)
        return result

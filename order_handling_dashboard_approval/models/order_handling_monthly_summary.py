# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class OrderHandlingMonthlySummary(models.TransientModel):
    _inherit = "order.handling.monthly.summary"

    def _get_summary(self):
        """Adds ``approvals``: the reviews and approval steps decided in the
        month, per kind, with their average lead time."""
        summary = super()._get_summary()
        date_from, date_to = self._get_utc_bounds()
        Approval = self.env["order.handling.kpi.approval"]
        approvals = Approval._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("date_done", ">=", date_from),
                ("date_done", "<", date_to),
            ],
            ["kind"],
            ["nbr:sum", "lead_hours:avg"],
        )
        kinds = dict(Approval._fields["kind"]._description_selection(self.env))
        summary["approvals"] = [
            {"kind": kinds[kind], "count": count, "lead_hours": lead}
            for kind, count, lead in approvals
        ]
        return summary

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import ormcache

from .cache_mixin import RegistryCacheClearing


class IrSequence(RegistryCacheClearing, models.Model):
    _inherit = "ir.sequence"

    @api.model
    @ormcache("code", "company_id")
    def _oh_sequence_id(self, code, company_id):
        """Id of the sequence ``next_by_code`` would use, kept in the registry
        cache (any change of a sequence clears it; numbers are drawn from
        PostgreSQL sequences or with SQL, not with ORM writes)."""
        return (
            self.sudo()
            .search(
                [("code", "=", code), ("company_id", "in", [company_id, False])],
                order="company_id",
                limit=1,
            )
            .id
        )

    @api.model
    def _oh_next_by_code(self, code, company_id=None):
        """``next_by_code(code)`` for the suite's documents, without searching
        the sequence at every number; False when there is no sequence."""
        sequence_id = self._oh_sequence_id(code, company_id or self.env.company.id)
        return sequence_id and self.sudo().browse(sequence_id)._next()

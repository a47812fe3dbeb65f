# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api


class RegistryCacheClearing:
    """Configuration read through the registry cache (``@ormcache``).

    A plain Python mixin of the model classes whose records feed an
    ``ormcache`` of the suite (SLA policies, working-time calendars,
    tier-validation exceptions…): any create, write or unlink of a record
    that counts (``_oh_cache_relevant``) clears the registry cache, in every
    worker (Odoo signals the change through the registry sequence). Its
    methods come before those of the model the class extends; ``super()``
    reaches them::

        class ResourceCalendar(RegistryCacheClearing, models.Model):
            _inherit = "resource.calendar"
    """

    # no instance attribute: the class layout of the models stays Odoo's
    __slots__ = ()

    def _oh_cache_relevant(self):
        """Hook: whether a change of ``self`` invalidates the cache."""
        return bool(self)

    def _oh_clear_cache(self):
        if self._oh_cache_relevant():
            self.env.registry.clear_cache()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._oh_clear_cache()
        return records

    def write(self, vals):
        # before too: a record may stop counting with this write
        relevant = self._oh_cache_relevant()
        result = super().write(vals)
        if relevant:
            self.env.registry.clear_cache()
        else:
            self._oh_clear_cache()
        return result

    def unlink(self):
        self._oh_clear_cache()
        return super().unlink()

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import ormcache

from odoo.addons.order_handling_base.models.cache_mixin import (
    RegistryCacheClearing,
)


class TierValidationException(RegistryCacheClearing, models.Model):
    """The exceptions are read on every write of a document under tier
    validation (OCA ``_tier_validation_check_write_allowed`` looks them up
    for each record written, whatever the fields): kept in the registry
    cache, cleared on any change of an exception (in every worker)."""

    _inherit = "tier.validation.exception"

    @api.model
    @ormcache("model_name", "company_ids", "group_ids", "domain_key")
    def _oh_exception_fields(
        self, model_name, company_ids, group_ids, domain_key, extra_domain
    ):
        return tuple(
            self.sudo()
            .search(
                [
                    ("model_name", "=", model_name),
                    ("company_id", "in", [False, *company_ids]),
                    "|",
                    ("group_ids", "in", list(group_ids)),
                    ("group_ids", "=", False),
                    *extra_domain,
                ]
            )
            .mapped("field_ids.name")
        )


class TierValidation(models.AbstractModel):
    _inherit = "tier.validation"

    def _get_exception_fields(self, extra_domain=None):
        """OCA's lookup, through the registry cache (same domain)."""
        extra_domain = list(extra_domain or [])
        return list(
            self.env["tier.validation.exception"]._oh_exception_fields(
                self._name,
                tuple(self._get_company().ids),
                tuple(self.env.user._get_group_ids()),
                repr(extra_domain),
                extra_domain,
            )
        )

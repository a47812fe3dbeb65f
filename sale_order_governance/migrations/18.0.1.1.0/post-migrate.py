# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order archives (R7.6): the checksum becomes an HMAC-SHA256 keyed with a
secret of the database, over a snapshot that no longer depends on the
language. The archives made before are sealed again (``_reseal``)."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Archive = env["sale.order.archive"]
    Archive._init_archive_secret()
    archives = Archive.search([])
    resealed = archives._reseal()
    _logger.info(
        "Order archives: %s of %s re-sealed with the keyed checksum (HMAC-SHA256).",
        len(resealed),
        len(archives),
    )
    left = archives - resealed
    if left:
        _logger.warning(
            "Order archives not re-sealed, their stored snapshot or documents no "
            "longer match their SHA-256 checksum (the verification reports them "
            "tampered): %s",
            ", ".join(left.mapped("name")),
        )

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import api, models

BOARD_VIEW = "order_handling_dashboard.order_handling_dashboard_view_board"


class Board(models.AbstractModel):
    _inherit = "board.board"

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """The Order Handling dashboard is Odoo's board with the tiles row
        on top: its arch (or a user's rearranged copy of it) opens in the
        ``order_handling_board`` view, an extension of the board view
        (static/src/board/), instead of the plain ``board``."""
        res = super().get_view(view_id, view_type, **options)
        if (
            view_type == "form"
            and view_id
            and view_id
            == self.env["ir.model.data"]._xmlid_to_res_id(
                BOARD_VIEW, raise_if_not_found=False
            )
        ):
            arch = etree.fromstring(res["arch"])
            arch.set("js_class", "order_handling_board")
            res["arch"] = etree.tostring(arch, encoding="unicode")
        return res

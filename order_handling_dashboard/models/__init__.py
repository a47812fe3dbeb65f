# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import board_board
from . import order_handling_dashboard
from . import order_handling_kpi_mixin
from . import res_company
from . import res_config_settings

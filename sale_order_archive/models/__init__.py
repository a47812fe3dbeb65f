# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import sale_order_security
from . import sale_order_line_security
from . import tier_definition
from . import sale_order_archive
from . import sale_order_access_request
from . import sale_order_access_log

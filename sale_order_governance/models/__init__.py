# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import res_company_approval
from . import res_config_settings_approval
from . import sale_order_request_mixin
from . import sale_order
from . import sale_order_change_lock
from . import sale_order_line_governance
from . import sale_order_change_request
from . import sale_order_change_request_line
from . import sale_order_cancel_request
from . import mail_compose_message
from . import tier_validation_cache

from . import res_company
from . import res_config_settings
from . import sale_order_violation
from . import sale_order
from . import ir_rule
from . import sale_order_archive
from . import tier_review

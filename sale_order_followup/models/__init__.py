from . import order_handling_department
from . import res_company
from . import res_config_settings
from . import sale_followup_route
from . import sale_followup_spec
from . import sale_followup_notice
from . import sale_order
from . import sale_order_copy

from . import sale_followup_route_step
from . import sale_followup_notice
from . import sale_order
from . import mrp_workorder

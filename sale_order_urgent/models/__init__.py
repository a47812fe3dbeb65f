from . import order_handling_sla_policy
from . import sale_order
from . import sale_order_copy

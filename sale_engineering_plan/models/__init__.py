from . import sale_engineering_plan
from . import sale_engineering_plan_deliverable
from . import sale_engineering_plan_followup
from . import sale_order_review
from . import sale_order
from . import tier_definition
from . import sale_order_line
from . import sale_order_copy

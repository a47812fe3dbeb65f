from . import mrp_bom
from . import sale_engineering_plan_deliverable

from . import sale_engineering_plan_deliverable

from . import test_plan_mrp

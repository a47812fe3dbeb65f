from . import test_plan_mrp
from . import test_buttons

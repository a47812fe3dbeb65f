from . import test_followup_mrp
from . import test_buttons

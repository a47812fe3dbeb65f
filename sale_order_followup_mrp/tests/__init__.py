from . import test_followup_mrp

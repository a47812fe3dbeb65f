from . import test_followup
from . import test_followup_security
from . import test_buttons

from . import test_consultation
from . import test_security
from . import test_monthly_report
from . import test_buttons

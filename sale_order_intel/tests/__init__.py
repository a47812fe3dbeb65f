from . import test_report_flow
from . import test_rewards
from . import test_security
from . import test_policy
from . import test_print
from . import test_activity_language
from . import test_buttons

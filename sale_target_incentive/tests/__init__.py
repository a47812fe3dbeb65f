from . import test_scale
from . import test_incentive
from . import test_security
from . import test_buttons

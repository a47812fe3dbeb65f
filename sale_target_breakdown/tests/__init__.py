from . import test_breakdown
from . import test_security
from . import test_actuals
from . import test_migration
from . import test_buttons

from . import test_department
from . import test_security
from . import test_transfer
from . import test_sla
from . import test_stage_log
from . import test_report
from . import test_tour
from . import test_value_guard

from . import test_visit
from . import test_complaint
from . import test_return
from . import test_security
from . import test_kpi
from . import test_tour
from . import test_preferences
from . import test_complaint_portal

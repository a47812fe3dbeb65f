from . import test_intake_flow
from . import test_intake_checks
from . import test_classification
from . import test_intake_mail
from . import test_intake_security
from . import test_delivery_date
from . import test_tour
from . import test_performance

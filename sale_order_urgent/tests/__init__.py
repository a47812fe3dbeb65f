from . import test_urgent
from . import test_urgent_deadline

from . import test_urgent
from . import test_urgent_deadline
from . import test_urgency_level
from . import test_buttons

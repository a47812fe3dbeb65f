from . import test_plan
from . import test_tour
from . import test_plan_cancel
from . import test_texts_language
from . import test_buttons

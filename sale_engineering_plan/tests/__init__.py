from . import test_plan
from . import test_tour

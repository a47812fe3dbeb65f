from . import test_output
from . import test_delivery
from . import test_reservation
from . import test_stock_preparation
from . import test_performance
from . import test_buttons

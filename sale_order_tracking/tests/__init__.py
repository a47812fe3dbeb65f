from . import test_portal
from . import test_receipt
from . import test_shipping_mail
from . import test_buttons

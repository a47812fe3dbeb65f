from . import order_handling_transfer_forward
from . import order_handling_transfer_cancel
from . import comment_wizard

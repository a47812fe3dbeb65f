from . import sale_order_review
from . import sale_order_review_meeting
from . import sale_order
from . import sale_order_copy

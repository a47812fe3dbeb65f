from . import sale_order_intake_return
from . import sale_order_intake_classify
from . import sale_order_intake_link
from . import sale_order_intake_date

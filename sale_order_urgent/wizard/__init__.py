from . import sale_order_intake_urgent

from . import sale_customer_complaint_return

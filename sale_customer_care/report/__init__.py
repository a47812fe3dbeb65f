from . import sale_customer_care_report

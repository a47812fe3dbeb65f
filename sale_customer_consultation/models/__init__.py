from . import res_company
from . import res_config_settings
from . import sale_customer_consultation_topic
from . import sale_customer_consultation
from . import sale_customer_consultation_summary

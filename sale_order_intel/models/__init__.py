from . import res_company
from . import res_config_settings
from . import tier_definition
from . import sale_intel_policy
from . import sale_intel_report
from . import sale_intel_plan
from . import sale_intel_reward
from . import sale_order

from . import sale_target_incentive_approval_mixin
from . import sale_target_incentive_scale
from . import sale_target_incentive_band
from . import sale_target_incentive
from . import sale_target
from . import sale_target_period
from . import tier_definition

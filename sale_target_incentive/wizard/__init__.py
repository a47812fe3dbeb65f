from . import sale_target_incentive_compute

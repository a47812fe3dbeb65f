from . import sale_target_distribution
from . import sale_target
from . import sale_target_period

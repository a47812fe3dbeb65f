from . import sale_target_report

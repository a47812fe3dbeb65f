from . import sale_intel_summary

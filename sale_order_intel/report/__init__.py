from . import sale_intel_compliance_report

# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_dashboard_tiles
from . import test_kpi
from . import test_kpi_known_dates
from . import test_logistics_cost
from . import test_overdue
from . import test_monthly_summary
from . import test_pdf_reports
from . import test_tour
from . import test_monthly_summary_cron

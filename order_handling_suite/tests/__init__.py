# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_access_matrix
from . import test_buttons
from . import test_chinese_screens
from . import test_demo_scenario
from . import test_department_confidentiality
from . import test_governance_archive
from . import test_jsonrpc_examples
from . import test_oca_chinese
from . import test_order_form_access
from . import test_plain_users
from . import test_regulations_map
from . import test_report_company_block
from . import test_role_tours_zh
from . import test_rpc_bad_input
from . import test_rpc_sweep
from . import test_tier_forgery
from . import test_tours
from . import test_translations
from . import test_urgent_review
from . import test_workflow_replay

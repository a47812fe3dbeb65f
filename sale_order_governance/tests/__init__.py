# --- approvals, change and cancel requests (R7.1–R7.3)
from . import test_approval
from . import test_tier_cache
from . import test_cancel_request
from . import test_change_request
from . import test_clerk_request
from . import test_change_performance
from . import test_change_tour

# --- confidentiality, security of information, archive, access requests (R7.4–R7.7)
from . import test_archive
from . import test_archive_integrity
from . import test_confidentiality
from . import test_locked_fields
from . import test_access_request
from . import test_archive_tour

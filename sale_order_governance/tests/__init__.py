# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_approval
from . import test_tier_cache
from . import test_cancel_request
from . import test_change_request
from . import test_clerk_request
from . import test_change_performance
from . import test_change_tour
from . import test_locked_fields
from . import test_texts_language
from . import test_activity_language
from . import test_buttons

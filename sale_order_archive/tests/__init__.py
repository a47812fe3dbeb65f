# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_archive
from . import test_archive_integrity
from . import test_confidentiality
from . import test_record_keeping
from . import test_access_request
from . import test_archive_tour
from . import test_activity_language
from . import test_buttons

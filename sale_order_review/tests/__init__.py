from . import test_review
from . import test_review_cancel
from . import test_review_form

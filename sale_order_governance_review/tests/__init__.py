from . import test_change_review

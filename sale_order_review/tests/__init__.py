from . import test_review
from . import test_review_cancel
from . import test_review_form
from . import test_texts_language
from . import test_buttons

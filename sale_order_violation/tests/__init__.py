from . import test_register
from . import test_feeds
from . import test_buttons

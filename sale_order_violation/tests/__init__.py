from . import test_register
from . import test_feeds

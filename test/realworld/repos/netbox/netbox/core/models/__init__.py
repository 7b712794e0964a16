from .object_types import *  # isort: split

from .change_logging import *
from .config import *
from .data import *
from .files import *
from .jobs import *

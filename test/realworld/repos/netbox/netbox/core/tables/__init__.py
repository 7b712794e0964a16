from .change_logging import *
from .config import *
from .data import *
from .jobs import *
from .plugins import *
from .tasks import *

from .base import *
from .features import *
from .generic import *
from .nested import *  # isort: split

from .bulk import *
from .models import *

from .api import *
from .base import *
from .filtersets import *
from .query_counts import *
from .tables import *
from .utils import *
from .views import *

from .cables import *
from .racks import *

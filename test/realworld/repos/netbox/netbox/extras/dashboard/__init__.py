from .utils import *
from .widgets import *

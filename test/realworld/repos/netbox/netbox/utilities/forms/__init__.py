from .constants import *
from .forms import *
from .mixins import *
from .utils import *

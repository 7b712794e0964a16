from .serializers_.wirelesslans import *
from .serializers_.wirelesslinks import *

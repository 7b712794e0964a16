from .serializers_.circuits import *
from .serializers_.providers import *

from .serializers_.clusters import *
from .serializers_.virtualmachines import *

from .serializers_.contacts import *
from .serializers_.tenants import *

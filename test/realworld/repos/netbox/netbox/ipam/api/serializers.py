from .serializers_.asns import *
from .serializers_.fhrpgroups import *
from .serializers_.ip import *
from .serializers_.roles import *
from .serializers_.services import *
from .serializers_.vlans import *
from .serializers_.vrfs import *

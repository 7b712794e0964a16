from .bulk_edit import *
from .bulk_import import *
from .filtersets import *
from .model_forms import *

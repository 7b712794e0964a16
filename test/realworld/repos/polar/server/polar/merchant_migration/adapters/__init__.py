from .base import SourceAdapter
from .stripe import StripeAdapter

__all__ = ["SourceAdapter", "StripeAdapter"]

from . import sql
from .types import IntEnum, StringEnum

__all__ = ["IntEnum", "StringEnum", "sql"]

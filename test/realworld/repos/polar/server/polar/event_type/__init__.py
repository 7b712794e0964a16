from .repository import EventTypeRepository

__all__ = ["EventTypeRepository"]

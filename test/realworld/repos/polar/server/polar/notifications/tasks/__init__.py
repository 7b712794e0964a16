from . import email, push

__all__ = ["email", "push"]

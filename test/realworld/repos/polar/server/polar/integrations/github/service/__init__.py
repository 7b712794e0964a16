from .user import github_user

__all__ = ["github_user"]

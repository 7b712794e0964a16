from .base import (
    Options,
    RepositoryBase,
    RepositoryIDMixin,
    RepositorySoftDeletionIDMixin,
    RepositorySoftDeletionMixin,
    RepositorySortingMixin,
    SortingClause,
)

__all__ = [
    "Options",
    "RepositoryBase",
    "RepositoryIDMixin",
    "RepositorySoftDeletionIDMixin",
    "RepositorySoftDeletionMixin",
    "RepositorySortingMixin",
    "SortingClause",
]

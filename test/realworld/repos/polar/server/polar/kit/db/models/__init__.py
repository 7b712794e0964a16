from .base import IDModel, Model, RateLimitGroupMixin, RecordModel, TimestampedModel

__all__ = ["IDModel", "Model", "RateLimitGroupMixin", "RecordModel", "TimestampedModel"]

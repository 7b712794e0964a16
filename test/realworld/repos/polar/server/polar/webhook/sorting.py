from enum import StrEnum


class WebhookSortProperty(StrEnum):
    created_at = "created_at"

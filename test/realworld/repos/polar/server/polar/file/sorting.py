from enum import StrEnum


class FileSortProperty(StrEnum):
    file_name = "name"
    created_at = "created_at"

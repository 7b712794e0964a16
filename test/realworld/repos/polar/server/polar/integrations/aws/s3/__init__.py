from .exceptions import S3FileError
from .service import S3Service

__all__ = ("S3FileError", "S3Service")

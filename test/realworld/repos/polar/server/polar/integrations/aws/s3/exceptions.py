from polar.exceptions import PolarError


class S3FileError(PolarError): ...

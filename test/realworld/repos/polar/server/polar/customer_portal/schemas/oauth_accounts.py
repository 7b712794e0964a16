from polar.kit.schemas import Schema


class AuthorizeResponse(Schema):
    url: str

from dispatch.exceptions import DispatchException


class GenAIException(DispatchException):
    pass

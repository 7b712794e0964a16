"""Module to handle operational errors in a structured way."""

import traceback
from collections.abc import Callable

import asyncpg.exceptions
import sentry_sdk
import structlog
from sqlalchemy.exc import DBAPIError

from polar.locker import TimeoutLockError
from polar.logging import Logger
from polar.observability import OPERATIONAL_ERROR_TOTAL

log: Logger = structlog.get_logger()


type OperationalErrorMatcher = Callable[[BaseException], bool]


def _sql_timeout_error_matcher(exc: BaseException) -> bool:
    """Match TimeoutError from asyncpg database queries.

    These errors occur when database queries exceed the configured timeout.
    They originate from asyncpg/protocol/protocol.pyx and propagate through
    SQLAlchemy's exception handling chain.
    """
    if not isinstance(exc, TimeoutError):
        return False

    tb_lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    tb_str = "".join(tb_lines)

    return "asyncpg/protocol/protocol.pyx" in tb_str


def _sql_lock_not_available_error_matcher(exc: BaseException) -> bool:
    """Match asyncpg.exceptions.LockNotAvailableError wrapped in a SQLAlchemy DBAPIError."""
    if not isinstance(exc, DBAPIError):
        return False

    cause = exc.__cause__
    while cause is not None:
        if isinstance(cause, asyncpg.exceptions.LockNotAvailableError):
            return True
        cause = cause.__cause__

    return False


def _sql_deadlock_error_matcher(exc: BaseException) -> bool:
    if not isinstance(exc, DBAPIError):
        return False
    cause = exc.__cause__
    while cause is not None:
        if isinstance(cause, asyncpg.exceptions.DeadlockDetectedError):
            return True
        cause = cause.__cause__
    return False


def _timeout_lock_error_matcher(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutLockError)


def _external_event_already_handled_error_matcher(exc: BaseException) -> bool:
    # Import deferred to avoid circular dependency with polar.worker
    from polar.external_event.service import ExternalEventAlreadyHandled

    return isinstance(exc, ExternalEventAlreadyHandled)


def _tinybird_operational_error_matcher(exc: BaseException) -> bool:
    # Import deferred to avoid circular dependency with polar.worker
    from polar.integrations.tinybird.client import TinybirdOperationalError

    return isinstance(exc, TinybirdOperationalError)


def _polar_self_client_operational_error_matcher(exc: BaseException) -> bool:
    # Import deferred to avoid circular dependency with polar.worker
    from polar.integrations.polar.client import PolarSelfClientOperationalError

    return isinstance(exc, PolarSelfClientOperationalError)


def _email_sender_operational_error_matcher(exc: BaseException) -> bool:
    # Import deferred to avoid circular dependency
    from polar.email.sender import EmailSenderOperationalError

    return isinstance(exc, EmailSenderOperationalError)


_operation_error_matchers: dict[str, OperationalErrorMatcher] = {
    "sql_timeout_error": _sql_timeout_error_matcher,
    "sql_lock_not_available_error": _sql_lock_not_available_error_matcher,
    "sql_deadlock_error": _sql_deadlock_error_matcher,
    "timeout_lock_error": _timeout_lock_error_matcher,
    "external_event_already_handled": _external_event_already_handled_error_matcher,
    "tinybird_operational_error": _tinybird_operational_error_matcher,
    "polar_self_client_operational_error": _polar_self_client_operational_error_matcher,
    "email_sender_operational_error": _email_sender_operational_error_matcher,
}


def handle_operational_error(exc: BaseException) -> bool:
    """
    Check if the given exception matches any known operational error patterns.
    If a match is found, log the error and increment the corresponding Prometheus counter.

    Args:
        exc: The exception to check.

    Returns:
        True if the exception was identified as an operational error, False otherwise.

    """
    for type, matcher in _operation_error_matchers.items():
        if matcher(exc):
            log.warning("Operational error detected", error=str(exc), type=type)
            OPERATIONAL_ERROR_TOTAL.labels(type=type).inc()
            sentry_sdk.set_level("warning")
            sentry_sdk.set_tag("is_operational_error", "true")
            return True

    return False

import asyncio
from typing import Any

import logfire
import sentry_sdk
import structlog
from dramatiq.errors import Retry

from polar.config import settings
from polar.logfire import configure_logfire
from polar.logging import Logger
from polar.logging import configure as configure_logging
from polar.sentry import configure_sentry

from ._runner import RetryAction, bootstrap, plan_retry, run_task
from ._sqs import (
    build_envelope,
    build_retry_schedule_name,
    get_consumer_scheduler_client,
    get_consumer_sqs_client,
    parse_envelope,
    schedule_delayed_message,
    send_to_dlq,
    set_message_visibility,
)

configure_sentry(aws_lambda=True)
configure_logfire("worker")
configure_logging(logfire=True)

log: Logger = structlog.get_logger()

# One persistent event loop for the container's lifetime: the SQLAlchemy/asyncpg
# pool binds connections to the loop that first uses them, so every invocation
# must run on the same loop (a fresh asyncio.run() per record would break it).
_loop = asyncio.new_event_loop()
asyncio.set_event_loop(_loop)
bootstrap(pool_pre_ping=True)

consumer_sqs_client = get_consumer_sqs_client()
consumer_scheduler_client = get_consumer_scheduler_client()

_REMAINING_TIME_MARGIN_SECONDS = 5


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    batch_item_failures: list[dict[str, str]] = []
    try:
        for record in event.get("Records", []):
            message_id = record["messageId"]
            try:
                envelope = parse_envelope(record["body"])
                _loop.run_until_complete(
                    run_task(
                        envelope.actor,
                        envelope.args,
                        envelope.kwargs,
                        receive_count=_effective_receive_count(
                            record, envelope.attempt
                        ),
                        source_correlation_id=envelope.correlation_id,
                        remaining_time_seconds=(
                            context.get_remaining_time_in_millis() / 1000
                            - _REMAINING_TIME_MARGIN_SECONDS
                        ),
                        message_timestamp=envelope.message_timestamp,
                        message_id=envelope.message_id,
                        debounce_key=envelope.debounce_key,
                        message_options=envelope.message_options,
                    )
                )
            except Retry as exc:
                if _apply_retry_backoff(record, exc):
                    batch_item_failures.append({"itemIdentifier": message_id})
            except Exception as exc:
                sentry_sdk.capture_exception(exc)
                log.exception(
                    "polar.worker.sqs_task_failed",
                    message_id=message_id,
                )
                if _apply_retry_backoff(record, exc):
                    batch_item_failures.append({"itemIdentifier": message_id})
    finally:
        logfire.force_flush()
    return {"batchItemFailures": batch_item_failures}


def _effective_receive_count(record: dict[str, Any], attempt: int) -> int:
    """Total attempts, combining the envelope's carried count with SQS redeliveries."""
    sqs_receive_count = int(
        record.get("attributes", {}).get("ApproximateReceiveCount", "1")
    )
    return attempt + (sqs_receive_count - 1)


def _apply_retry_backoff(record: dict[str, Any], exception: BaseException) -> bool:
    """Schedule the failed message's next retry. Returns True if SQS should redeliver it."""
    try:
        envelope = parse_envelope(record["body"])
        queue_arn = record["eventSourceARN"]
        receive_count = _effective_receive_count(record, envelope.attempt)
        scheduler_role_arn = settings.WORKER_SQS_SCHEDULER_ROLE_ARN

        action, delay_seconds = plan_retry(
            envelope.actor,
            receive_count,
            exception,
            scheduler_available=scheduler_role_arn is not None,
        )

        if action is RetryAction.DEAD_LETTER:
            send_to_dlq(consumer_sqs_client, queue_arn, record["body"])
            log.info(
                "polar.worker.sqs_retry_exhausted",
                actor=envelope.actor,
                receive_count=receive_count,
            )
            return False

        if action is RetryAction.SCHEDULE:
            assert scheduler_role_arn is not None
            schedule_delayed_message(
                consumer_scheduler_client,
                queue_arn,
                scheduler_role_arn,
                build_envelope(
                    envelope.actor,
                    tuple(envelope.args),
                    envelope.kwargs,
                    envelope.correlation_id,
                    receive_count + 1,
                    envelope.message_timestamp,
                    message_id=envelope.message_id,
                    debounce_key=envelope.debounce_key,
                    message_options=envelope.message_options,
                ),
                delay_seconds,
                build_retry_schedule_name(
                    queue_arn, record["messageId"], envelope.attempt
                ),
            )
            log.info(
                "polar.worker.sqs_retry_scheduled_eventbridge",
                actor=envelope.actor,
                receive_count=receive_count,
                backoff_seconds=delay_seconds,
            )
            return False

        set_message_visibility(
            consumer_sqs_client,
            queue_arn,
            record["receiptHandle"],
            delay_seconds,
        )
        log.info(
            "polar.worker.sqs_retry_scheduled",
            actor=envelope.actor,
            receive_count=receive_count,
            backoff_seconds=delay_seconds,
        )
        return True
    except Exception as exc:
        sentry_sdk.capture_exception(exc)
        log.exception("polar.worker.sqs_backoff_failed")
        return True

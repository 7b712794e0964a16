import asyncio
import json
from typing import Any

import structlog
import typer

from polar.logging import Logger

from ._enqueue import resolve_sqs_actors
from ._runner import bootstrap, run_task, shutdown
from ._sqs import actor_to_queue_name, parse_envelope, resolve_queue_url, sqs_client

log: Logger = structlog.get_logger()

cli = typer.Typer()


async def _run_once(actor: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    try:
        await run_task(actor, args, kwargs)
    finally:
        await shutdown()


@cli.command()
def run(actor: str, body: str = typer.Argument("{}")) -> None:
    """Dev one-shot: run one actor from an inline JSON body, bypassing SQS — unlike the Lambda handler, which reads the body from an SQS event."""
    payload = json.loads(body)
    bootstrap()
    asyncio.run(_run_once(actor, payload.get("args", []), payload.get("kwargs", {})))


async def _poll_loop(actors: list[str], max_iterations: int) -> None:
    client = sqs_client
    queue_urls = {
        resolve_queue_url(client, actor_to_queue_name(actor)) for actor in actors
    }
    iterations = 0
    try:
        while max_iterations == 0 or iterations < max_iterations:
            iterations += 1
            for url in queue_urls:
                response = await asyncio.to_thread(
                    client.receive_message,
                    QueueUrl=url,
                    MaxNumberOfMessages=10,
                    WaitTimeSeconds=2,
                    MessageSystemAttributeNames=["ApproximateReceiveCount"],
                )
                for message in response.get("Messages", []):
                    envelope = parse_envelope(message["Body"])
                    sqs_receive_count = int(
                        message.get("Attributes", {}).get(
                            "ApproximateReceiveCount", "1"
                        )
                    )
                    receive_count = envelope.attempt + (sqs_receive_count - 1)
                    try:
                        await run_task(
                            envelope.actor,
                            envelope.args,
                            envelope.kwargs,
                            receive_count=receive_count,
                            source_correlation_id=envelope.correlation_id,
                            message_timestamp=envelope.message_timestamp,
                            message_id=envelope.message_id,
                            debounce_key=envelope.debounce_key,
                            message_options=envelope.message_options,
                        )
                    except Exception:
                        log.exception(
                            "polar.worker.sqs_poll_failed", actor=envelope.actor
                        )
                        continue
                    await asyncio.to_thread(
                        client.delete_message,
                        QueueUrl=url,
                        ReceiptHandle=message["ReceiptHandle"],
                    )
    finally:
        await shutdown()


@cli.command()
def poll(
    actor: str | None = typer.Option(None, help="Single actor; defaults to allowlist"),
    max_iterations: int = typer.Option(0, help="0 = loop forever"),
) -> None:
    """Local dev consumer: drain SQS through run_task without building the Lambda image."""
    actors = [actor] if actor else sorted(resolve_sqs_actors())
    bootstrap()
    asyncio.run(_poll_loop(actors, max_iterations))


if __name__ == "__main__":
    cli()

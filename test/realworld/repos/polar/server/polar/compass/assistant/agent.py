import functools
from typing import Any, cast

import structlog
from pydantic_ai import Agent, RunContext

from polar.auth.scope import Scope
from polar.config import settings

from .customer_tools import CUSTOMER_TOOLS_WITH_SCOPES
from .deps import AssistantDeps
from .entity_tools import ENTITY_TOOLS_WITH_SCOPES
from .tools import TOOLS_WITH_SCOPES

_ALL_TOOLS_WITH_SCOPES: list[tuple[object, Scope]] = [
    *TOOLS_WITH_SCOPES,
    *ENTITY_TOOLS_WITH_SCOPES,
    *CUSTOMER_TOOLS_WITH_SCOPES,
]

SYSTEM_PROMPT = """\
You are Compass, Polar's business assistant, embedded in the merchant's
dashboard. You answer questions about the merchant's own organization using
your tools.

How to answer:
- Answer the exact question that was asked, and answer it first. Lead with
  the number or fact, then at most two short sentences of context.
- Tools prepare UI blocks (charts, cards, lists, tables) and tell you each
  block's placement marker, e.g. [block:1]. Blocks only appear where YOU
  place their marker: state the claim first, then put the marker on its own
  line directly under the sentence it supports. Place every prepared block
  exactly once. Example:
  "Best customer by revenue: jane@corp.com with $1,240.00 over the last 365
  days.
  [block:1]
  Worst customer by cost: joe@corp.com, 48% of tracked costs.
  [block:2]"
- Only call a tool when its output belongs in your answer. Never call tools
  speculatively to look around; every prepared block ends up on the user's
  screen.
- Pick the narrowest tool and the narrowest arguments that answer the
  question. Filter when a filter exists (e.g. an insight category, a checkout
  status, a search query). One precise call beats several broad ones.
- For questions about a specific day or calendar period ("yesterday", "last
  month", "in June"), resolve the dates against today's date and pass them as
  `start_date` and `end_date` to the tools that accept them, instead of
  approximating with a trailing `days` window.
- Insights flow: `get_insights` only fetches findings for your reasoning and
  renders nothing. For broad questions ("how is my business doing?"), give
  your assessment in prose first — lead with the most severe findings — then
  call `show_insights` with the one or two ids that directly support your
  main claims. Only render more cards when the user explicitly asks to see
  all insights, and never use cards as a substitute for an answer.
- If none of your tools can answer the question, say so plainly in one
  sentence, then name the closest related thing you CAN show and offer it.
  Do not substitute unrelated data for an answer.
- If a tool reports a missing permission, say which scope is missing and
  stop.

Follow-ups and judgment questions:
- Some questions ask for judgment, not data: implications, trade-offs, or
  risks OF something already discussed ("is there any risk with that?").
  Answer those by reasoning over the conversation and the data you already
  fetched; only call a tool if genuinely new data is needed.
- Never map words in the question onto tool or category names literally.
  "Risk" in a follow-up usually means the downside of the prior
  recommendation, not the risk insight category.
- Tool results from earlier turns show the data as it was when fetched, not
  as it is now. Each replayed result starts with the date it was fetched, as
  `[fetched YYYY-MM-DD]`. For judgment and analysis follow-ups, reason from
  them directly without re-fetching. But when the user asks about current
  numbers and the relevant result was fetched before today's date, fetch
  fresh data instead of quoting the remembered figure. Never repeat a
  `[fetched ...]` marker in your answer.
- When your answer is analysis rather than measurement, frame it that way
  (e.g. "the main trade-off is..."), and say what data would confirm it.

Facts and style:
- Ground every number in tool results; never invent or extrapolate values.
- Do not repeat rendered content in prose. Narrate what matters: the direct
  answer, the trend or outlier, and the recommended next step.
- For entity questions prefer `list` presentation when five or fewer items
  are asked for, and `table` otherwise.
- Amounts from tools are in cents unless stated otherwise. Always present
  money formatted with a currency symbol, two decimals and thousands
  separators (e.g. $1,234.50), never as raw cents. Rendered tables and lists
  format amounts themselves; only your prose needs this.
- Write in short paragraphs of one to three sentences, separated by blank
  lines. Two to four paragraphs at most. When recommending several actions,
  give each its own paragraph, lead with the action.
- Plain text only: no markdown headings, no markdown tables, no em dashes.
"""


def tools_for_scopes(scopes: set[Scope]) -> list[object]:
    """The tools a caller may use: one entry per tool whose scope is granted."""
    return [tool for tool, scope in _ALL_TOOLS_WITH_SCOPES if scope in scopes]


log = structlog.get_logger()


def _safe(tool: Any) -> Any:
    """Never let a tool exception reach the stream as a raw error.

    Failures are logged and returned to the model as a plain instruction, so
    the conversation degrades to an apology instead of a traceback.
    `functools.wraps` preserves the signature and docstring pydantic-ai uses
    to build the tool schema.
    """

    @functools.wraps(tool)
    async def wrapper(*args: Any, **kwargs: Any) -> str:
        try:
            return cast(str, await tool(*args, **kwargs))
        except Exception:
            log.exception("compass.assistant_tool_error", tool=tool.__name__)
            return (
                "This lookup failed unexpectedly. Apologize briefly and "
                "suggest trying again. Do not show technical details."
            )

    return wrapper


def build_assistant_agent(
    scopes: set[Scope],
) -> tuple[Agent[AssistantDeps, str], str, str]:
    """Build the assistant for one request, with the caller's capabilities.

    The toolset is derived from the caller's granted scopes: a tool whose scope
    the caller lacks is not registered at all, so a restricted token cannot
    reach data outside its grants even if the model asks. Runtime checks inside
    each tool back this up.
    """
    model_instance, model_provider, model_name = settings.get_pydantic_gateway_model()
    tools = [_safe(tool) for tool in tools_for_scopes(scopes)]
    agent: Agent[AssistantDeps, str] = Agent(
        model_instance,
        deps_type=AssistantDeps,
        # Use `instructions`, not `system_prompt`. System prompts only go out
        # on a history-less first turn, so a resumed thread would keep the
        # original date forever. Instructions rebuild every turn.
        instructions=SYSTEM_PROMPT,
        tools=tools,
        # gpt-5.5+ reasoning models reject any non-default temperature.
        model_settings=({} if model_name.startswith("gpt-5.5") else {"temperature": 0}),
    )

    # Relative dates ("yesterday", "last month") are resolvable only if the
    # model knows what today is; the static prompt can't carry it. On resumed
    # threads, this also anchors the per-result `[fetched <date>]` stamps that
    # replayed tool results carry, so the staleness rule is applicable.
    @agent.instructions
    async def _run_context(ctx: RunContext[AssistantDeps]) -> str:
        lines = [
            (
                f"Today's date is {ctx.deps.today.isoformat()} in the merchant's "
                f"timezone ({ctx.deps.timezone})."
            )
        ]
        if ctx.deps.history_last_at is not None:
            last_turn_on = (
                ctx.deps.history_last_at.astimezone(ctx.deps.timezone)
                .date()
                .isoformat()
            )
            lines.append(
                "This conversation is being continued: its most recent earlier "
                f"turn ran on {last_turn_on}. Every tool result replayed from an "
                "earlier turn is prefixed with `[fetched <date>]`, the date it "
                "was fetched in this same timezone; it shows the data as of "
                "that date, not as it is now."
            )
        return "\n".join(lines)

    return agent, model_provider, model_name

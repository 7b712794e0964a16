# pyright: reportCallIssue=false
import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pycountry
import pycountry.db
import structlog
from plain_client import (
    AddCustomerToTenantsInput,
    ComponentContainerContentInput,
    ComponentContainerInput,
    ComponentCopyButtonInput,
    ComponentDividerInput,
    ComponentDividerSpacingSize,
    ComponentInput,
    ComponentLinkButtonInput,
    ComponentRowContentInput,
    ComponentRowInput,
    ComponentSpacerInput,
    ComponentSpacerSize,
    ComponentTextColor,
    ComponentTextInput,
    ComponentTextSize,
    CreateNoteInput,
    CreateThreadInput,
    CustomerIdentifierInput,
    CustomerImpersonationInput,
    EmailAddressInput,
    ImpersonationInput,
    OptionalStringInput,
    Plain,
    RemoveCustomerFromTenantsInput,
    ReplyToThreadInput,
    TenantIdentifierInput,
    ThreadsFilter,
    ThreadStatus,
    ThreadsThreadsEdgesNode,
    TierIdentifierInput,
    UpdateTenantTierInput,
    UpdateThreadTenantInput,
    UpsertCustomerIdentifierInput,
    UpsertCustomerInput,
    UpsertCustomerOnCreateInput,
    UpsertCustomerOnUpdateInput,
    UpsertCustomerUpsertCustomer,
    UpsertTenantInput,
)
from plain_client.exceptions import GraphQLClientGraphQLMultiError
from pydantic_ai import Agent
from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from polar.config import settings
from polar.customer.repository import CustomerRepository
from polar.exceptions import PolarError
from polar.kit.currency import format_currency
from polar.kit.db.postgres import AsyncReadSessionMaker
from polar.models import (
    Customer,
    Feedback,
    FeedbackType,
    OAuthAccount,
    Order,
    Organization,
    User,
    UserOrganization,
)
from polar.order.repository import OrderRepository
from polar.postgres import AsyncReadSession, AsyncSession
from polar.user.repository import UserRepository

from .schemas import (
    CustomerCard,
    CustomerCardKey,
    CustomerCardsRequest,
    CustomerCardsResponse,
)

log = structlog.get_logger(__name__)

PLAIN_WORKSPACE_ID = "w_01JE9TRRX9KT61D8P2CH77XDQM"

# Plain caches customer cards for this duration. Keep it short so dynamic fields
# like the organization status stay in sync with the dashboard.
CUSTOMER_CARD_TTL_SECONDS = 60 * 60


def plain_thread_url(thread_id: str) -> str:
    return f"https://app.plain.com/workspace/{PLAIN_WORKSPACE_ID}/thread/{thread_id}"


# Markers used by the question chat flow when it builds the feedback message
# (see `clients/apps/web/src/components/Feedback/QuestionFlow.tsx`). The frontend
# submits either:
#   "<note>\n\n---\n\n## Transcript\n\n<transcript>"   (an extra note was added)
#   "## Transcript\n\n<transcript>"                     (no extra note)
_TRANSCRIPT_SEPARATOR = "\n\n---\n\n## Transcript\n\n"
_TRANSCRIPT_PREFIX = "## Transcript\n\n"
_TRANSCRIPT_USER_HEADING = "**User**"
_TRANSCRIPT_ASSISTANT_HEADING = "**Assistant**"


def _split_feedback_message(message: str) -> tuple[str, str | None]:
    """
    Split a feedback message produced by the question chat flow into the user's
    free-text note and the conversation transcript.

    Returns `(note, transcript)`. `transcript` is `None` when the message does
    not come from the chat flow (e.g. a direct bug/feedback submission), in
    which case the whole message is treated as the note.
    """
    if _TRANSCRIPT_SEPARATOR in message:
        note, transcript = message.split(_TRANSCRIPT_SEPARATOR, 1)
        return note.strip(), transcript.strip()
    if message.startswith(_TRANSCRIPT_PREFIX):
        return "", message[len(_TRANSCRIPT_PREFIX) :].strip()
    return message.strip(), None


def _first_user_message(transcript: str) -> str | None:
    """
    Extract the customer's original question (the first `**User**` turn) from a
    chat transcript, used as the impersonated message when no extra note was
    added.
    """
    heading = f"{_TRANSCRIPT_USER_HEADING}\n\n"
    if not transcript.startswith(heading):
        return None
    body = transcript[len(heading) :]
    # The first user turn runs until the next speaker heading.
    cut = len(body)
    for next_heading in (
        f"\n\n{_TRANSCRIPT_ASSISTANT_HEADING}\n\n",
        f"\n\n{_TRANSCRIPT_USER_HEADING}\n\n",
    ):
        index = body.find(next_heading)
        if index != -1:
            cut = min(cut, index)
    return body[:cut].strip() or None


_SUBJECT_SYSTEM_PROMPT = """\
You write the subject line for a customer support email.

You are given a customer's support message, which may include a chat transcript \
of an earlier conversation with an assistant. Write a single subject line that \
captures what the customer needs help with, as if they wrote it themselves.

Rules:
- At most 60 characters.
- Be specific about the topic; never generic like "Support request" or "Question".
- No surrounding quotes, no "Subject:" prefix, no trailing punctuation.
- Output only the subject line, nothing else.
"""


async def _generate_thread_subject(content: str, fallback: str) -> str:
    """
    Write a concise, specific subject line from the feedback content using the
    configured gateway model. Falls back to `fallback` when the content is empty
    or the model call fails for any reason, so thread creation never depends on
    the LLM.
    """
    if not content.strip():
        return fallback
    try:
        # Use the gateway's default model so we don't depend on a provider
        # extra that may not be installed (e.g. anthropic).
        model_instance, _, model_name = settings.get_pydantic_gateway_model()
        agent = Agent(
            model_instance,
            output_type=str,
            system_prompt=_SUBJECT_SYSTEM_PROMPT,
            # gpt-5.5+ reasoning models reject any non-default temperature.
            model_settings=(
                {} if model_name.startswith("gpt-5.5") else {"temperature": 0}
            ),
        )
        result = await asyncio.wait_for(agent.run(content[:4000]), timeout=10)
        subject = result.output.strip().strip('"').strip()
        return subject or fallback
    except Exception:
        return fallback


class PlainServiceError(PolarError): ...


class AccountReviewThreadCreationError(PlainServiceError):
    def __init__(self, account_id: uuid.UUID, message: str) -> None:
        self.account_id = account_id
        self.message = message
        super().__init__(
            f"Error creating thread for account ID {account_id}: {message}"
        )


class PlainCustomerError(PlainServiceError):
    def __init__(self, user_id: uuid.UUID, message: str) -> None:
        self.user_id = user_id
        self.message = message
        super().__init__(f"Error with Plain customer for user ID {user_id}: {message}")


class TenantOperationError(PlainServiceError):
    def __init__(self, tenant_external_id: str, operation: str, message: str) -> None:
        self.tenant_external_id = tenant_external_id
        self.operation = operation
        self.message = message
        super().__init__(
            f"Plain tenant {operation} failed for {tenant_external_id!r}: {message}"
        )


class FeedbackThreadCreationError(PlainServiceError):
    def __init__(self, feedback_id: uuid.UUID, message: str) -> None:
        self.feedback_id = feedback_id
        self.message = message
        super().__init__(
            f"Error creating Plain thread for feedback {feedback_id}: {message}"
        )


_card_getter_semaphore = asyncio.Semaphore(3)

CardGetter = Callable[
    [AsyncReadSession, CustomerCardsRequest], Awaitable[CustomerCard | None]
]


async def _card_getter_task(
    sessionmaker: AsyncReadSessionMaker,
    getter: CardGetter,
    request: CustomerCardsRequest,
) -> CustomerCard | None:
    async with _card_getter_semaphore:
        async with sessionmaker() as session:
            return await getter(session, request)


class PlainService:
    enabled = settings.PLAIN_TOKEN is not None

    async def get_cards(
        self,
        sessionmaker: AsyncReadSessionMaker,
        request: CustomerCardsRequest,
    ) -> CustomerCardsResponse:
        getters: list[CardGetter] = []
        if CustomerCardKey.user in request.cardKeys:
            getters.append(self._get_user_card)
        if CustomerCardKey.organization in request.cardKeys:
            getters.append(self._get_organization_card)
        if CustomerCardKey.customer in request.cardKeys:
            getters.append(self.get_customer_card)
        if CustomerCardKey.order in request.cardKeys:
            getters.append(self._get_order_card)
        if CustomerCardKey.snippets in request.cardKeys:
            getters.append(self._get_snippets_card)

        tasks: list[asyncio.Task[CustomerCard | None]] = []
        async with asyncio.TaskGroup() as tg:
            for getter in getters:
                tasks.append(
                    tg.create_task(_card_getter_task(sessionmaker, getter, request))
                )

        cards = [card for task in tasks if (card := task.result()) is not None]
        return CustomerCardsResponse(cards=cards)

    async def create_organization_deletion_thread(
        self,
        session: AsyncSession,
        organization: Organization,
        requesting_user: User,
        blocked_reasons: list[str],
    ) -> None:
        """Create Plain ticket for organization deletion request."""
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            try:
                customer_identifier = await self._get_or_create_customer(
                    plain, requesting_user
                )
            except PlainCustomerError as e:
                raise AccountReviewThreadCreationError(
                    organization.id, e.message
                ) from e

            reasons_text = ", ".join(blocked_reasons) if blocked_reasons else "unknown"

            thread_result = await plain.create_thread(
                CreateThreadInput(
                    customer_identifier=customer_identifier,
                    title=f"Organization Deletion Request - {organization.slug}",
                    components=[
                        ComponentInput(
                            component_text=ComponentTextInput(
                                text=f"User has requested deletion of organization `{organization.slug}`."
                            )
                        ),
                        ComponentInput(
                            component_text=ComponentTextInput(
                                text=f"Blocked reasons: {reasons_text}",
                                text_color=ComponentTextColor.MUTED,
                            )
                        ),
                        ComponentInput(
                            component_spacer=ComponentSpacerInput(
                                spacer_size=ComponentSpacerSize.M
                            )
                        ),
                        ComponentInput(
                            component_container=ComponentContainerInput(
                                container_content=[
                                    ComponentContainerContentInput(
                                        component_text=ComponentTextInput(
                                            text=organization.name or organization.slug
                                        )
                                    ),
                                    ComponentContainerContentInput(
                                        component_divider=ComponentDividerInput(
                                            divider_spacing_size=ComponentDividerSpacingSize.M
                                        )
                                    ),
                                    ComponentContainerContentInput(
                                        component_row=ComponentRowInput(
                                            row_main_content=[
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text="Organization ID",
                                                        text_size=ComponentTextSize.S,
                                                        text_color=ComponentTextColor.MUTED,
                                                    )
                                                ),
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text=str(organization.id)
                                                    )
                                                ),
                                            ],
                                            row_aside_content=[
                                                ComponentRowContentInput(
                                                    component_copy_button=ComponentCopyButtonInput(
                                                        copy_button_value=str(
                                                            organization.id
                                                        ),
                                                        copy_button_tooltip_label="Copy Organization ID",
                                                    )
                                                )
                                            ],
                                        )
                                    ),
                                    ComponentContainerContentInput(
                                        component_link_button=ComponentLinkButtonInput(
                                            link_button_url=settings.generate_backoffice_url(
                                                f"/organizations/{organization.id}"
                                            ),
                                            link_button_label="View in Backoffice",
                                        )
                                    ),
                                ]
                            )
                        ),
                    ],
                )
            )
            if thread_result.error is not None:
                raise AccountReviewThreadCreationError(
                    organization.id, thread_result.error.message
                )

    async def _get_user_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        user_repository = UserRepository.from_session(session)
        users = await user_repository.get_all_by_any_email(email)

        if not users:
            return None

        def _get_user_container(user: User) -> ComponentContainerInput:
            return ComponentContainerInput(
                container_content=[
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(text=user.email)
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_link_button=ComponentLinkButtonInput(
                                        link_button_label="Backoffice ↗",
                                        link_button_url=settings.generate_backoffice_url(
                                            f"/users/{user.id}"
                                        ),
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="ID",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(text=str(user.id))
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_copy_button=ComponentCopyButtonInput(
                                        copy_button_value=str(user.id),
                                        copy_button_tooltip_label="Copy User ID",
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Created At",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=user.created_at.date().isoformat()
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="Identity Verification",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=user.identity_verification_status
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_link_button=ComponentLinkButtonInput(
                                        link_button_label="Stripe ↗",
                                        link_button_url=f"https://dashboard.stripe.com/identity/verification-sessions/{user.identity_verification_id}",
                                    )
                                )
                            ]
                            if user.identity_verification_id
                            else [],
                        )
                    ),
                ]
            )

        components: list[ComponentInput] = []
        for i, user in enumerate(users):
            components.append(
                ComponentInput(component_container=_get_user_container(user))
            )
            if i < len(users) - 1:
                components.append(
                    ComponentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    )
                )

        return CustomerCard(
            key=CustomerCardKey.user,
            timeToLiveSeconds=CUSTOMER_CARD_TTL_SECONDS,
            components=[
                component.model_dump(by_alias=True, exclude_none=True)
                for component in components
            ],
        )

    async def _get_organization_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        statement = (
            select(Organization)
            .join(
                UserOrganization,
                Organization.id == UserOrganization.organization_id,
                isouter=True,
            )
            .join(User, User.id == UserOrganization.user_id)
            .outerjoin(OAuthAccount, OAuthAccount.user_id == User.id)
            .where(
                or_(
                    func.lower(User.email) == email.lower(),
                    func.lower(OAuthAccount.account_email) == email.lower(),
                    func.lower(Organization.email) == email.lower(),
                )
            )
        )
        result = await session.execute(statement)
        organizations = result.unique().scalars().all()

        if len(organizations) == 0:
            return None

        components: list[ComponentInput] = []
        for i, organization in enumerate(organizations):
            components.append(
                ComponentInput(
                    component_container=self._get_organization_component_container(
                        organization
                    )
                )
            )
            if i < len(organizations) - 1:
                components.append(
                    ComponentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    )
                )

        return CustomerCard(
            key=CustomerCardKey.organization,
            timeToLiveSeconds=CUSTOMER_CARD_TTL_SECONDS,
            components=[
                component.model_dump(by_alias=True, exclude_none=True)
                for component in components
            ],
        )

    def _get_organization_component_container(
        self, organization: Organization
    ) -> ComponentContainerInput:
        return ComponentContainerInput(
            container_content=[
                ComponentContainerContentInput(
                    component_row=ComponentRowInput(
                        row_main_content=[
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text=organization.name
                                )
                            ),
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text=organization.slug,
                                    text_color=ComponentTextColor.MUTED,
                                )
                            ),
                        ],
                        row_aside_content=[
                            ComponentRowContentInput(
                                component_link_button=ComponentLinkButtonInput(
                                    link_button_label="Backoffice ↗",
                                    link_button_url=settings.generate_backoffice_url(
                                        f"/organizations/{organization.id}"
                                    ),
                                )
                            )
                        ],
                    )
                ),
                ComponentContainerContentInput(
                    component_divider=ComponentDividerInput(
                        divider_spacing_size=ComponentDividerSpacingSize.M
                    )
                ),
                ComponentContainerContentInput(
                    component_row=ComponentRowInput(
                        row_main_content=[
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text="Status",
                                    text_size=ComponentTextSize.S,
                                    text_color=ComponentTextColor.MUTED,
                                )
                            ),
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text=organization.status.get_display_name(),
                                )
                            ),
                        ],
                        row_aside_content=[],
                    )
                ),
                ComponentContainerContentInput(
                    component_row=ComponentRowInput(
                        row_main_content=[
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text="ID",
                                    text_size=ComponentTextSize.S,
                                    text_color=ComponentTextColor.MUTED,
                                )
                            ),
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text=str(organization.id)
                                )
                            ),
                        ],
                        row_aside_content=[
                            ComponentRowContentInput(
                                component_copy_button=ComponentCopyButtonInput(
                                    copy_button_value=str(organization.id),
                                    copy_button_tooltip_label="Copy Organization ID",
                                )
                            )
                        ],
                    )
                ),
                ComponentContainerContentInput(
                    component_row=ComponentRowInput(
                        row_main_content=[
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text="Customer Portal",
                                    text_size=ComponentTextSize.S,
                                    text_color=ComponentTextColor.MUTED,
                                )
                            ),
                            ComponentRowContentInput(
                                component_text=ComponentTextInput(
                                    text=settings.generate_frontend_url(
                                        f"/{organization.slug}/portal"
                                    )
                                )
                            ),
                        ],
                        row_aside_content=[
                            ComponentRowContentInput(
                                component_copy_button=ComponentCopyButtonInput(
                                    copy_button_value=settings.generate_frontend_url(
                                        f"/{organization.slug}/portal"
                                    ),
                                    copy_button_tooltip_label="Copy URL",
                                )
                            )
                        ],
                    )
                ),
                *(
                    [
                        ComponentContainerContentInput(
                            component_row=ComponentRowInput(
                                row_main_content=[
                                    ComponentRowContentInput(
                                        component_text=ComponentTextInput(
                                            text="Support Email",
                                            text_size=ComponentTextSize.S,
                                            text_color=ComponentTextColor.MUTED,
                                        )
                                    ),
                                    ComponentRowContentInput(
                                        component_text=ComponentTextInput(
                                            text=organization.email
                                        )
                                    ),
                                ],
                                row_aside_content=[
                                    ComponentRowContentInput(
                                        component_copy_button=ComponentCopyButtonInput(
                                            copy_button_value=organization.email,
                                            copy_button_tooltip_label="Copy Support Email",
                                        )
                                    )
                                ],
                            )
                        ),
                    ]
                    if organization.email
                    else []
                ),
                ComponentContainerContentInput(
                    component_spacer=ComponentSpacerInput(
                        spacer_size=ComponentSpacerSize.M
                    )
                ),
                ComponentContainerContentInput(
                    component_text=ComponentTextInput(
                        text="Created At",
                        text_size=ComponentTextSize.S,
                        text_color=ComponentTextColor.MUTED,
                    )
                ),
                ComponentContainerContentInput(
                    component_text=ComponentTextInput(
                        text=organization.created_at.date().isoformat()
                    )
                ),
            ]
        )

    async def get_customer_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        # No need to filter out soft deleted. We want to see them in support.
        statement = select(Customer).where(func.lower(Customer.email) == email.lower())
        result = await session.execute(statement)
        customers = result.unique().scalars().all()

        if len(customers) == 0:
            return None

        def _get_customer_container(customer: Customer) -> ComponentContainerInput:
            country: pycountry.db.Country | None = None
            if customer.billing_address and customer.billing_address.country:
                country = pycountry.countries.get(
                    alpha_2=customer.billing_address.country
                )
            return ComponentContainerInput(
                container_content=[
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=customer.name or customer.email or "Unknown"
                        )
                    ),
                    ComponentContainerContentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="ID",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=str(customer.id)
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_copy_button=ComponentCopyButtonInput(
                                        copy_button_value=str(customer.id),
                                        copy_button_tooltip_label="Copy Customer ID",
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Created At",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=customer.created_at.date().isoformat()
                        )
                    ),
                    *(
                        [
                            ComponentContainerContentInput(
                                component_spacer=ComponentSpacerInput(
                                    spacer_size=ComponentSpacerSize.M
                                )
                            ),
                            ComponentContainerContentInput(
                                component_row=ComponentRowInput(
                                    row_main_content=[
                                        ComponentRowContentInput(
                                            component_text=ComponentTextInput(
                                                text="Country",
                                                text_size=ComponentTextSize.S,
                                                text_color=ComponentTextColor.MUTED,
                                            )
                                        ),
                                        ComponentRowContentInput(
                                            component_text=ComponentTextInput(
                                                text=country.name,
                                            )
                                        ),
                                    ],
                                    row_aside_content=[
                                        ComponentRowContentInput(
                                            component_text=ComponentTextInput(
                                                text=country.flag
                                            )
                                        )
                                    ],
                                )
                            ),
                        ]
                        if country
                        else []
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="Stripe Customer ID",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=customer.stripe_customer_id or "N/A",
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_link_button=ComponentLinkButtonInput(
                                        link_button_label="Stripe ↗",
                                        link_button_url=f"https://dashboard.stripe.com/customers/{customer.stripe_customer_id}",
                                    )
                                )
                            ],
                        )
                    ),
                ]
            )

        components: list[ComponentInput] = []
        for i, customer in enumerate(customers):
            components.append(
                ComponentInput(component_container=_get_customer_container(customer))
            )
            if i < len(customers) - 1:
                components.append(
                    ComponentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    )
                )

        return CustomerCard(
            key=CustomerCardKey.customer,
            timeToLiveSeconds=CUSTOMER_CARD_TTL_SECONDS,
            components=[
                component.model_dump(by_alias=True, exclude_none=True)
                for component in components
            ],
        )

    async def _get_order_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        customer_repository = CustomerRepository.from_session(session)
        customer_ids = await customer_repository.get_ids_by_email(email)
        if not customer_ids:
            return None

        order_repository = OrderRepository.from_session(session)
        orders = await order_repository.get_latest_by_customer_ids(
            customer_ids,
            limit=3,
            options=(
                contains_eager(Order.product),
                contains_eager(Order.customer),
                joinedload(Order.organization),
            ),
        )

        if len(orders) == 0:
            return None

        def _get_order_container(order: Order) -> ComponentContainerInput:
            organization = order.organization

            return ComponentContainerInput(
                container_content=[
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=order.description
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_link_button=ComponentLinkButtonInput(
                                        link_button_label="Backoffice ↗",
                                        link_button_url=settings.generate_backoffice_url(
                                            f"/orders/{order.id}"
                                        ),
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="Organization",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=organization.name
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_link_button=ComponentLinkButtonInput(
                                        link_button_label="Backoffice ↗",
                                        link_button_url=settings.generate_backoffice_url(
                                            f"/organizations/{organization.id}"
                                        ),
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="Customer Portal",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=settings.generate_frontend_url(
                                            f"/{organization.slug}/portal"
                                        )
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_copy_button=ComponentCopyButtonInput(
                                        copy_button_value=settings.generate_frontend_url(
                                            f"/{organization.slug}/portal"
                                        ),
                                        copy_button_tooltip_label="Copy URL",
                                    )
                                )
                            ],
                        )
                    ),
                    *(
                        [
                            ComponentContainerContentInput(
                                component_row=ComponentRowInput(
                                    row_main_content=[
                                        ComponentRowContentInput(
                                            component_text=ComponentTextInput(
                                                text="Support Email",
                                                text_size=ComponentTextSize.S,
                                                text_color=ComponentTextColor.MUTED,
                                            )
                                        ),
                                        ComponentRowContentInput(
                                            component_text=ComponentTextInput(
                                                text=organization.email
                                            )
                                        ),
                                    ],
                                    row_aside_content=[
                                        ComponentRowContentInput(
                                            component_copy_button=ComponentCopyButtonInput(
                                                copy_button_value=organization.email,
                                                copy_button_tooltip_label="Copy Support Email",
                                            )
                                        )
                                    ],
                                )
                            ),
                        ]
                        if organization.email
                        else []
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text="ID",
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                    )
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text=str(order.id)
                                    )
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_copy_button=ComponentCopyButtonInput(
                                        copy_button_value=str(order.id),
                                        copy_button_tooltip_label="Copy Order ID",
                                    )
                                )
                            ],
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Date",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=order.created_at.date().isoformat()
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Billing Reason",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(text=order.billing_reason)
                    ),
                    ComponentContainerContentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_spacer=ComponentSpacerInput(
                            spacer_size=ComponentSpacerSize.M
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Amount",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=format_currency(order.net_amount, order.currency)
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text="Tax Amount",
                            text_size=ComponentTextSize.S,
                            text_color=ComponentTextColor.MUTED,
                        )
                    ),
                    ComponentContainerContentInput(
                        component_text=ComponentTextInput(
                            text=format_currency(order.tax_amount, order.currency)
                        )
                    ),
                ]
            )

        components: list[ComponentInput] = []
        for i, order in enumerate(orders):
            components.append(
                ComponentInput(component_container=_get_order_container(order))
            )
            if i < len(orders) - 1:
                components.append(
                    ComponentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    )
                )

        return CustomerCard(
            key=CustomerCardKey.order,
            timeToLiveSeconds=CUSTOMER_CARD_TTL_SECONDS,
            components=[
                component.model_dump(by_alias=True, exclude_none=True)
                for component in components
            ],
        )

    async def _get_snippets_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        statement = (
            select(Organization)
            .join(Customer, Customer.organization_id == Organization.id)
            .where(func.lower(Customer.email) == email.lower())
        )
        result = await session.execute(statement)
        organizations = result.unique().scalars().all()

        if len(organizations) == 0:
            return None

        snippets: list[tuple[str, str]] = [
            (
                "Looping In",
                (
                    "I'm looping in the {organization_name} team to the conversation so that they can help you."
                ),
            ),
            (
                "Looping In with guidelines",
                (
                    "I'm looping in the {organization_name} team to the conversation so that they can help you. "
                    "Please allow them up to 48 hours to get back to you ([guidelines for merchants on Polar](https://polar.sh/docs/merchant-of-record/account-reviews#operational-guidelines))."
                ),
            ),
            (
                "Cancellation Portal",
                (
                    "You can perform the cancellation on the following URL: https://polar.sh/{organization_slug}/portal\n"
                ),
            ),
            (
                "Invoice Generation",
                (
                    "You can generate the invoice on the following URL: https://polar.sh/{organization_slug}/portal\n"
                ),
            ),
            (
                "Follow-up 48 hours",
                (
                    "I'm looping in the {organization_name} team again to the conversation. "
                    "Please allow them another 48 hours to get back to you before we [proceed with the documented resolution](https://polar.sh/docs/merchant-of-record/account-reviews#expected-responsiveness)."
                ),
            ),
            (
                "Follow-up Reply All",
                (
                    "I'm looping in the {organization_name} team again to the conversation. "
                    'Please use "Reply All" so as to keep everyone involved in the conversation.'
                ),
            ),
            (
                "Subscription Cancellation",
                ("I have cancelled the subscription immediately."),
            ),
        ]

        def _get_snippet_container(
            organization: Organization,
        ) -> ComponentContainerInput:
            snippets_rows: list[ComponentContainerContentInput] = [
                ComponentContainerContentInput(
                    component_text=ComponentTextInput(
                        text=f"Snippets for {organization.name}",
                    )
                ),
                ComponentContainerContentInput(
                    component_divider=ComponentDividerInput(
                        divider_spacing_size=ComponentDividerSpacingSize.M
                    )
                ),
            ]
            for i, (snippet_name, snippet_text) in enumerate(snippets):
                text = snippet_text.format(
                    organization_name=organization.name,
                    organization_slug=organization.slug,
                )
                snippets_rows.append(
                    ComponentContainerContentInput(
                        component_row=ComponentRowInput(
                            row_main_content=[
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(
                                        text_size=ComponentTextSize.S,
                                        text_color=ComponentTextColor.MUTED,
                                        text=snippet_name,
                                    ),
                                ),
                                ComponentRowContentInput(
                                    component_text=ComponentTextInput(text=text)
                                ),
                            ],
                            row_aside_content=[
                                ComponentRowContentInput(
                                    component_copy_button=ComponentCopyButtonInput(
                                        copy_button_value=text,
                                        copy_button_tooltip_label="Copy Snippet",
                                    )
                                )
                            ],
                        )
                    )
                )
                if i < len(snippets) - 1:
                    snippets_rows.append(
                        ComponentContainerContentInput(
                            component_spacer=ComponentSpacerInput(
                                spacer_size=ComponentSpacerSize.M
                            )
                        )
                    )

            return ComponentContainerInput(container_content=snippets_rows)

        components: list[ComponentInput] = []
        for i, organization in enumerate(organizations):
            components.append(
                ComponentInput(component_container=_get_snippet_container(organization))
            )
            if i < len(organizations) - 1:
                components.append(
                    ComponentInput(
                        component_divider=ComponentDividerInput(
                            divider_spacing_size=ComponentDividerSpacingSize.M
                        )
                    )
                )

        return CustomerCard(
            key=CustomerCardKey.snippets,
            timeToLiveSeconds=CUSTOMER_CARD_TTL_SECONDS,
            components=[
                component.model_dump(by_alias=True, exclude_none=True)
                for component in components
            ],
        )

    def _get_customer_identifier(
        self,
        customer_result: UpsertCustomerUpsertCustomer,
        email: str,
    ) -> CustomerIdentifierInput:
        """
        Get customer identifier for Plain thread creation.

        Prefers external_id if set on the customer result, otherwise falls back to email.
        This handles cases where external_id might not be set on the Plain customer.
        """
        if customer_result.customer is None:
            raise ValueError(
                "Customer not found when creating thread", customer_result, email
            )

        if customer_result.customer.external_id:
            return CustomerIdentifierInput(
                external_id=customer_result.customer.external_id
            )

        return CustomerIdentifierInput(email_address=email)

    async def _get_or_create_customer(
        self,
        plain: Plain,
        user: User,
    ) -> CustomerIdentifierInput:
        """
        Get or create a Plain customer, handling email changes gracefully.

        1. Try to find by email (handles legacy customers)
        2. If not found, upsert with external_id (handles email changes + new customers)

        This approach avoids duplicate customer creation when users change their email.
        """
        # Step 1: Try read-only lookup by email (handles legacy customers)
        customer = await plain.customer_by_email(email=user.email)

        if customer:
            # Found by email - use external_id if available, otherwise email
            if customer.external_id:
                return CustomerIdentifierInput(external_id=customer.external_id)
            return CustomerIdentifierInput(email_address=user.email)

        # Step 2: Not found by email - upsert with external_id as identifier
        # This handles:
        # - Users who changed their email (finds by external_id, updates email)
        # - New users (creates with external_id)
        customer_result = await plain.upsert_customer(
            UpsertCustomerInput(
                identifier=UpsertCustomerIdentifierInput(external_id=str(user.id)),
                on_create=UpsertCustomerOnCreateInput(
                    external_id=str(user.id),
                    full_name=user.email,
                    email=EmailAddressInput(
                        email=user.email, is_verified=user.email_verified
                    ),
                ),
                on_update=UpsertCustomerOnUpdateInput(
                    email=EmailAddressInput(
                        email=user.email, is_verified=user.email_verified
                    ),
                ),
            )
        )

        if customer_result.error is not None:
            raise PlainCustomerError(user.id, customer_result.error.message)

        return self._get_customer_identifier(customer_result, user.email)

    async def _upsert_customer_id_for_user(self, plain: Plain, user: User) -> str:
        """
        Resolve the Plain customer ID for a Polar user, creating the customer
        if it doesn't exist yet.

        Mirrors `_get_or_create_customer` but returns the concrete Plain
        `customer.id` string, which is required by APIs like `create_note`
        that don't accept the polymorphic `CustomerIdentifierInput`.
        """
        existing = await plain.customer_by_email(email=user.email)
        if existing is not None:
            return existing.id

        customer_result = await plain.upsert_customer(
            UpsertCustomerInput(
                identifier=UpsertCustomerIdentifierInput(external_id=str(user.id)),
                on_create=UpsertCustomerOnCreateInput(
                    external_id=str(user.id),
                    full_name=user.email,
                    email=EmailAddressInput(
                        email=user.email, is_verified=user.email_verified
                    ),
                ),
                on_update=UpsertCustomerOnUpdateInput(
                    email=EmailAddressInput(
                        email=user.email, is_verified=user.email_verified
                    ),
                ),
            )
        )
        if customer_result.error is not None:
            raise PlainCustomerError(user.id, customer_result.error.message)
        if customer_result.customer is None:
            raise PlainCustomerError(user.id, "No customer returned by upsert")
        return customer_result.customer.id

    async def create_feedback_thread(self, feedback: Feedback) -> str:
        """
        Open a Plain thread for a feedback record. Returns the URL of the new
        thread.

        For feedback that came out of the question chat flow, the customer's
        message is posted into the thread impersonated as the customer (so it
        reads as an email sent *from* them), and the full conversation
        transcript is attached as an internal note. For direct submissions the
        message is attached as an internal note as before.

        Requires `feedback.user` to be loaded (e.g. via `joinedload`).
        """
        if not self.enabled:
            raise FeedbackThreadCreationError(
                feedback.id, "Plain integration is disabled"
            )

        noun_by_type = {
            FeedbackType.bug: "bug report",
            FeedbackType.feedback: "feedback",
            FeedbackType.question: "question",
        }
        fallback_title = f"Re: your recent {noun_by_type[feedback.type]}"
        title = await _generate_thread_subject(feedback.message, fallback_title)

        note, transcript = _split_feedback_message(feedback.message)

        async with self._get_plain_client() as plain:
            try:
                customer_id = await self._upsert_customer_id_for_user(
                    plain, feedback.user
                )
            except PlainCustomerError as e:
                raise FeedbackThreadCreationError(feedback.id, e.message) from e

            thread_result = await plain.create_thread(
                CreateThreadInput(
                    customer_identifier=CustomerIdentifierInput(
                        customer_id=customer_id
                    ),
                    title=title,
                )
            )
            if thread_result.error is not None:
                raise FeedbackThreadCreationError(
                    feedback.id, thread_result.error.message
                )
            if thread_result.thread is None:
                raise FeedbackThreadCreationError(
                    feedback.id, "No thread returned by create_thread"
                )
            thread_id = thread_result.thread.id

            if transcript is not None:
                # Chat escalation: post the customer's message as if it came
                # from them, falling back to their original question when no
                # extra note was added.
                customer_message = note or _first_user_message(transcript)
                if customer_message:
                    reply_result = await plain.reply_to_thread(
                        ReplyToThreadInput(
                            thread_id=thread_id,
                            text_content=customer_message,
                            impersonation=ImpersonationInput(
                                as_customer=CustomerImpersonationInput(
                                    customer_identifier=CustomerIdentifierInput(
                                        customer_id=customer_id
                                    )
                                )
                            ),
                        )
                    )
                    if reply_result.error is not None:
                        raise FeedbackThreadCreationError(
                            feedback.id, reply_result.error.message
                        )
                note_text = transcript
            else:
                # Direct submission (e.g. manual backoffice reply for a bug
                # or feedback report): keep the message itself as the note.
                note_text = feedback.message

            # Link back to the backoffice feedback record so whoever picks
            # up the thread can jump straight to it.
            backoffice_url = settings.generate_backoffice_url(
                f"/feedbacks/{feedback.id}"
            )
            note_result = await plain.create_note(
                CreateNoteInput(
                    customer_id=customer_id,
                    thread_id=thread_id,
                    text=f"{note_text}\n\nView in backoffice: {backoffice_url}",
                    markdown=(f"{note_text}\n\n[View in backoffice]({backoffice_url})"),
                )
            )
            if note_result.error is not None:
                raise FeedbackThreadCreationError(
                    feedback.id, note_result.error.message
                )

            return plain_thread_url(thread_id)

    async def check_thread_exists(
        self, customer_email: str, thread_title: str, fuzzy: bool = False
    ) -> bool:
        """
        Check if a thread with the given title exists for a customer.
        Only considers threads that are not done/closed.
        """
        if not self.enabled:
            log.warning("Plain integration is disabled, assuming no thread exists")
            return False

        log.info("Checking thread existence", customer_email=customer_email)

        async with self._get_plain_client() as plain:
            user = await plain.customer_by_email(email=customer_email)
            log.info("User found", user_id=user)
            if not user:
                log.warning("User not found", email=customer_email)
                return False
            filters = ThreadsFilter(
                customer_ids=[user.id],
                statuses=[ThreadStatus.TODO, ThreadStatus.SNOOZED],
            )
            threads = await plain.threads(filters=filters)
            nr_threads = 0
            for edge in threads.edges:
                thread = edge.node
                if fuzzy:
                    match = thread_title.lower() in thread.title.lower()
                else:
                    match = thread.title == thread_title
                if match:
                    nr_threads += 1
            log.info(f"There are {nr_threads} threads for user {customer_email}")
            return nr_threads > 0

    async def upsert_customer(
        self,
        *,
        external_id: str,
        email: str,
        email_verified: bool = False,
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            existing = await plain.customer_by_email(email=email)

            if existing is not None and existing.external_id == external_id:
                return

            if existing is not None:
                if existing.external_id is not None:
                    log.warning(
                        "plain.upsert_customer.rebinding_external_id",
                        plain_customer_id=existing.id,
                        email=email,
                        previous_external_id=existing.external_id,
                        new_external_id=external_id,
                    )
                identifier = UpsertCustomerIdentifierInput(email_address=email)
            else:
                identifier = UpsertCustomerIdentifierInput(external_id=external_id)

            result = await plain.upsert_customer(
                UpsertCustomerInput(
                    identifier=identifier,
                    on_create=UpsertCustomerOnCreateInput(
                        external_id=external_id,
                        full_name=email,
                        email=EmailAddressInput(
                            email=email, is_verified=email_verified
                        ),
                    ),
                    on_update=UpsertCustomerOnUpdateInput(
                        external_id=OptionalStringInput(value=external_id),
                        email=EmailAddressInput(
                            email=email, is_verified=email_verified
                        ),
                    ),
                )
            )
            if result.error is not None:
                raise PlainCustomerError(uuid.UUID(external_id), result.error.message)
            if result.customer is None:
                raise PlainCustomerError(
                    uuid.UUID(external_id), "No customer returned by upsert"
                )

    async def list_all_tenant_external_ids(self, *, page_size: int = 100) -> set[str]:
        if not self.enabled:
            return set()

        external_ids: set[str] = set()
        cursor: str | None = None
        async with self._get_plain_client() as plain:
            while True:
                page = await plain.tenants(first=page_size, after=cursor)
                for edge in page.edges:
                    external_ids.add(edge.node.external_id)
                if not page.page_info.has_next_page:
                    break
                cursor = page.page_info.end_cursor
        return external_ids

    async def upsert_tenant(
        self,
        *,
        external_id: str,
        name: str,
        default_tier_external_id: str | None = None,
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            result = await plain.upsert_tenant(
                UpsertTenantInput(
                    identifier=TenantIdentifierInput(external_id=external_id),
                    name=name,
                    external_id=external_id,
                )
            )
            if result.error is not None:
                raise TenantOperationError(external_id, "upsert", result.error.message)

            # Only seed the default tier on tenants that are currently untiered,
            # so re-upserts don't clobber a paid tier set elsewhere.
            if (
                default_tier_external_id is not None
                and result.tenant is not None
                and result.tenant.tier is None
            ):
                tier_result = await plain.update_tenant_tier(
                    UpdateTenantTierInput(
                        tenant_identifier=TenantIdentifierInput(
                            external_id=external_id
                        ),
                        tier_identifier=TierIdentifierInput(
                            external_id=default_tier_external_id
                        ),
                    )
                )
                if tier_result.error is not None:
                    raise TenantOperationError(
                        external_id, "update_tier", tier_result.error.message
                    )

    async def add_customer_to_tenant(
        self, *, customer_external_id: str, tenant_external_id: str
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            result = await plain.add_customer_to_tenants(
                AddCustomerToTenantsInput(
                    customer_identifier=CustomerIdentifierInput(
                        external_id=customer_external_id
                    ),
                    tenant_identifiers=[
                        TenantIdentifierInput(external_id=tenant_external_id)
                    ],
                )
            )
            if result.error is not None:
                raise TenantOperationError(
                    tenant_external_id, "add_customer", result.error.message
                )

    async def remove_customer_from_tenant(
        self, *, customer_external_id: str, tenant_external_id: str
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            result = await plain.remove_customer_from_tenants(
                RemoveCustomerFromTenantsInput(
                    customer_identifier=CustomerIdentifierInput(
                        external_id=customer_external_id
                    ),
                    tenant_identifiers=[
                        TenantIdentifierInput(external_id=tenant_external_id)
                    ],
                )
            )
            if result.error is not None:
                raise TenantOperationError(
                    tenant_external_id, "remove_customer", result.error.message
                )

    async def update_tenant_tier(
        self, *, tenant_external_id: str, tier_external_id: str | None
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            result = await plain.update_tenant_tier(
                UpdateTenantTierInput(
                    tenant_identifier=TenantIdentifierInput(
                        external_id=tenant_external_id
                    ),
                    tier_identifier=TierIdentifierInput(external_id=tier_external_id)
                    if tier_external_id is not None
                    else None,
                )
            )
            if result.error is not None:
                raise TenantOperationError(
                    tenant_external_id, "update_tier", result.error.message
                )

    async def iter_threads_without_tenant(
        self,
        *,
        page_size: int = 50,
        statuses: list[ThreadStatus] | None = None,
        customer_ids: list[str] | None = None,
    ) -> AsyncIterator[ThreadsThreadsEdgesNode]:
        if not self.enabled:
            return

        filters = ThreadsFilter(
            statuses=statuses
            or [ThreadStatus.TODO, ThreadStatus.SNOOZED, ThreadStatus.DONE],
            customer_ids=customer_ids,
        )
        cursor: str | None = None
        async with self._get_plain_client() as plain:
            while True:
                try:
                    page = await plain.threads(
                        filters=filters, first=page_size, after=cursor
                    )
                except GraphQLClientGraphQLMultiError as exc:
                    for err in exc.errors:
                        log.error(
                            "plain.threads validation error",
                            message=err.message,
                            path=err.path,
                            extensions=err.extensions,
                            cursor=cursor,
                            first=page_size,
                        )
                    raise
                for edge in page.edges:
                    if edge.node.tenant is None:
                        yield edge.node
                if not page.page_info.has_next_page:
                    break
                cursor = page.page_info.end_cursor

    async def get_customer_email(self, customer_id: str) -> str | None:
        if not self.enabled:
            return None

        async with self._get_plain_client() as plain:
            customer = await plain.customer_by_id(customer_id=customer_id)
        if customer is None:
            return None
        return customer.email.email

    async def update_thread_tenant(
        self, *, thread_id: str, tenant_external_id: str
    ) -> None:
        if not self.enabled:
            return

        async with self._get_plain_client() as plain:
            result = await plain.update_thread_tenant(
                UpdateThreadTenantInput(
                    thread_id=thread_id,
                    tenant_identifier=TenantIdentifierInput(
                        external_id=tenant_external_id
                    ),
                )
            )
            if result.error is not None:
                raise TenantOperationError(
                    tenant_external_id,
                    f"update_thread_tenant {thread_id}",
                    result.error.message,
                )

    @contextlib.asynccontextmanager
    async def _get_plain_client(self) -> AsyncIterator[Plain]:
        async with httpx.AsyncClient(
            headers={"Authorization": f"Bearer {settings.PLAIN_TOKEN}"},
            timeout=httpx.Timeout(10.0, connect=5.0),
            # Set a MockTransport if not enabled
            # Basically, we disable Plain requests.
            transport=(
                httpx.MockTransport(lambda _: httpx.Response(200))
                if not self.enabled
                else None
            ),
        ) as client:
            async with Plain(
                "https://core-api.uk.plain.com/graphql/v1", http_client=client
            ) as plain:
                yield plain

    async def create_manual_organization_thread(
        self,
        session: AsyncSession,
        organization: Organization,
        admin: User,
        title: str,
    ) -> str:
        """Create a manual thread for an organization with the admin user."""
        if not self.enabled:
            return ""

        async with self._get_plain_client() as plain:
            try:
                customer_identifier = await self._get_or_create_customer(plain, admin)
            except PlainCustomerError as e:
                raise AccountReviewThreadCreationError(
                    organization.id, e.message
                ) from e

            thread_result = await plain.create_thread(
                CreateThreadInput(
                    customer_identifier=customer_identifier,
                    title=title,
                    components=[
                        ComponentInput(
                            component_container=ComponentContainerInput(
                                container_content=[
                                    ComponentContainerContentInput(
                                        component_text=ComponentTextInput(
                                            text=organization.name or organization.slug
                                        )
                                    ),
                                    ComponentContainerContentInput(
                                        component_divider=ComponentDividerInput(
                                            divider_spacing_size=ComponentDividerSpacingSize.M
                                        )
                                    ),
                                    # Organization ID
                                    ComponentContainerContentInput(
                                        component_row=ComponentRowInput(
                                            row_main_content=[
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text="Organization ID",
                                                        text_size=ComponentTextSize.S,
                                                        text_color=ComponentTextColor.MUTED,
                                                    )
                                                ),
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text=str(organization.id)
                                                    )
                                                ),
                                            ],
                                            row_aside_content=[
                                                ComponentRowContentInput(
                                                    component_copy_button=ComponentCopyButtonInput(
                                                        copy_button_value=str(
                                                            organization.id
                                                        ),
                                                        copy_button_tooltip_label="Copy Organization ID",
                                                    )
                                                )
                                            ],
                                        )
                                    ),
                                    # Next Review Threshold
                                    ComponentContainerContentInput(
                                        component_row=ComponentRowInput(
                                            row_main_content=[
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text="Next Review Threshold",
                                                        text_size=ComponentTextSize.S,
                                                        text_color=ComponentTextColor.MUTED,
                                                    )
                                                ),
                                                ComponentRowContentInput(
                                                    component_text=ComponentTextInput(
                                                        text=format_currency(
                                                            organization.next_review_threshold,
                                                            "usd",
                                                        )
                                                    )
                                                ),
                                            ],
                                            row_aside_content=[],
                                        )
                                    ),
                                    # Backoffice Link
                                    ComponentContainerContentInput(
                                        component_link_button=ComponentLinkButtonInput(
                                            link_button_url=settings.generate_backoffice_url(
                                                f"/organizations/{organization.id}"
                                            ),
                                            link_button_label="View in Backoffice",
                                        )
                                    ),
                                ]
                            )
                        ),
                    ],
                )
            )

            if thread_result.error is not None:
                raise AccountReviewThreadCreationError(
                    organization.id, thread_result.error.message
                )

            if thread_result.thread is None:
                raise AccountReviewThreadCreationError(
                    organization.id, "Failed to create thread: no thread returned"
                )

            return thread_result.thread.id


plain = PlainService()

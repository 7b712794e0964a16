"""
Organizations V2 - Redesigned backoffice interface with improved UX.

This module provides a modern, three-column layout with:
- Enhanced list view with status tabs and smart grouping
- Progressive disclosure in detail views
- Contextual actions based on organization status
- Keyboard shortcuts and accessibility improvements
"""

import math
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import stripe as stripe_lib
import structlog
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.datastructures import FormData
from pydantic import UUID4, BaseModel, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError, SchemaSerializer, core_schema
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload
from sse_starlette.sse import EventSourceResponse
from tagflow import tag, text

from polar.account.repository import AccountRepository
from polar.account_credit.repository import AccountCreditRepository
from polar.account_credit.service import account_credit_service
from polar.config import settings
from polar.enums import PayoutAccountType
from polar.file.repository import FileRepository
from polar.file.sorting import FileSortProperty
from polar.integrations.plain.service import (
    AccountReviewThreadCreationError,
    plain_thread_url,
)
from polar.integrations.plain.service import plain as plain_service
from polar.integrations.polar.service import polar_self as polar_self_service
from polar.integrations.stripe.service import StripeAccountRejectReason
from polar.integrations.stripe.service import stripe as stripe_service
from polar.kit.pagination import count_subquery
from polar.kit.sorting import Sorting
from polar.models import (
    AccountCredit,
    Organization,
    PayoutAccount,
    User,
    UserOrganization,
)
from polar.models.customer import Customer
from polar.models.file import FileServiceTypes
from polar.models.order import Order, OrderStatus
from polar.models.organization import (
    CAPABILITY_METADATA,
    CAPABILITY_NAMES,
    CapabilityName,
    OrganizationStatus,
    SnoozeType,
)
from polar.models.organization_agent_review import OrganizationAgentReview
from polar.models.organization_review import OrganizationReview
from polar.models.support_case import (
    ReviewAppealSupportCase,
    SupportCaseMessageAuthorKind,
    SupportCaseType,
)
from polar.models.transaction import TransactionType
from polar.models.user import IdentityVerificationStatus
from polar.models.user_session import UserSession
from polar.organization.repository import OrganizationRepository
from polar.organization.schemas import OrganizationFeatureSettings
from polar.organization.service import (
    SNOOZE_MAX_DAYS,
    SNOOZE_MIN_DAYS,
    OrganizationError,
)
from polar.organization.service import organization as organization_service
from polar.organization_review.appeal_case import (
    AppealCaseError,
)
from polar.organization_review.appeal_case import (
    appeal_case as appeal_case_service,
)
from polar.organization_review.repository import (
    OrganizationReviewRepository,
    OrganizationRiskSignalRepository,
)
from polar.organization_review.schemas import (
    AUP_SECTION_LABELS,
    AUPSection,
    DecisionType,
    ReviewAgentReport,
    ReviewContext,
    ReviewVerdict,
)
from polar.payout.repository import PayoutRepository
from polar.payout_account.service import payout_account as payout_account_service
from polar.postgres import AsyncSession, get_db_session
from polar.startup_program.service import (
    StartupProgramError,
)
from polar.startup_program.service import (
    startup_program as startup_program_service,
)
from polar.support_case.repository import (
    SupportCaseMessageRepository,
)
from polar.support_case.schemas import ReviewAppealSupportCaseMessageCreate
from polar.transaction.service.transaction import transaction as transaction_service
from polar.worker import enqueue_job

from ..components import button, input, modal
from ..dependencies import get_admin
from ..layout import layout
from ..responses import HXRedirectResponse
from ..support_cases.queries import cases_statement, open_case_organization_ids
from ..support_cases.urls import append_return_to, case_detail_url
from ..toast import add_toast
from . import priority as review_priority
from .analytics import (
    OrganizationSetupAnalyticsService,
    PaymentAnalyticsService,
)
from .forms import (
    AddPaymentMethodDomainForm,
    OrganizationOrdersImportForm,
    UpdateAccountSettingsForm,
    UpdateOrganizationBasicForm,
    UpdateOrganizationDetailsForm,
    UpdateOrganizationInternalNotesForm,
    UpdateOrganizationSocialsForm,
    UpdateRateLimitGroupForm,
)
from .orders_import import orders_import_sse
from .priority import Signals
from .views.detail_view import OrganizationDetailView
from .views.list_view import (
    DeletedFilter,
    OrganizationListView,
    apply_deleted_filter,
)
from .views.modals import DeletePayoutAccountModal, SetCapabilityModal
from .views.sections._shared import RISK_LEVEL_BADGE, VERDICT_BADGE
from .views.sections.account_section import AccountSection
from .views.sections.files_section import FilesSection
from .views.sections.overview_section import OverviewSection
from .views.sections.payout_account_section import PayoutAccountSection
from .views.sections.reviews_section import ReviewsSection
from .views.sections.settings_section import SettingsSection
from .views.sections.support_cases_list_section import SupportCasesListSection
from .views.sections.team_section import TeamSection

router = APIRouter(prefix="/organizations", tags=["organizations"])

logger = structlog.getLogger(__name__)


def _parse_violated_aup_section(
    form_data: FormData, *, required_error: str
) -> tuple[str | None, AUPSection | None, str | None]:
    raw_section = str(form_data.get("violated_aup_section", "")).strip() or None
    if raw_section is None:
        return None, None, required_error
    try:
        return raw_section, AUPSection(raw_section), None
    except ValueError:
        return raw_section, None, "Invalid AUP section."


# Deceptive or infringing sections (scams, counterfeits, piracy, malware, theft)
# map to Stripe's "fraud" reason. Every other section maps to "terms_of_service".
_FRAUD_AUP_SECTIONS: set[AUPSection] = {
    AUPSection.INTELLECTUAL_PROPERTY_INFRINGEMENT,
    AUPSection.UNAUTHORIZED_DATA_ACCESS,
    AUPSection.RESELLING_CUSTOMER_DATA,
    AUPSection.LOW_QUALITY_COUNTERFEIT,
    AUPSection.FAKE_TESTIMONIALS_REVIEWS,
    AUPSection.RESELLING_SOFTWARE_LICENSES,
    AUPSection.CIRCUMVENTION,
    AUPSection.GET_RICH_SCHEMES,
    AUPSection.CHEATING,
    AUPSection.IPTV,
    AUPSection.VIRUSES_SPYWARE,
    AUPSection.API_IP_CLOAKING,
    AUPSection.TRADEMARK_REMOVAL,
    AUPSection.CONTENT_DOWNLOADERS,
    AUPSection.CONTENT_GENERATION_INFRINGING,
    AUPSection.TEST_PREP_PLATFORMS,
}


def _stripe_reject_reason_for_aup(section: AUPSection) -> StripeAccountRejectReason:
    return "fraud" if section in _FRAUD_AUP_SECTIONS else "terms_of_service"


def _render_violated_aup_section_field(
    selected_section: str | None, *, link_stripe_reason: bool = False
) -> None:
    with tag.div(classes="form-control min-w-0 overflow-hidden"):
        with tag.label(classes="label"):
            with tag.span(classes="label-text"):
                text("Violated AUP section (required)")
        select_attrs: dict[str, Any] = {
            "name": "violated_aup_section",
            "classes": "select select-bordered w-full min-w-0",
            "required": True,
        }
        if link_stripe_reason:
            # Picking a section suggests the matching Stripe reject reason,
            # carried on each option as data-stripe-reason.
            select_attrs["_"] = (
                "on change "
                "set the value of <select[name='stripe_reject_reason']/> "
                "to my.selectedOptions[0].dataset.stripeReason"
            )
        with tag.select(**select_attrs):
            with tag.option(value="", selected=not selected_section):
                text("Select the violated AUP section…")
            for member, label in AUP_SECTION_LABELS.items():
                option_attrs: dict[str, Any] = {
                    "value": member.value,
                    "selected": member.value == selected_section,
                }
                if link_stripe_reason:
                    option_attrs["data-stripe-reason"] = _stripe_reject_reason_for_aup(
                        member
                    )
                with tag.option(**option_attrs):
                    text(label)


def _prefill_aup_section(report: ReviewAgentReport | None) -> str | None:
    """Pick the first AI-flagged section that maps to a known AUP section, so the
    deny dialog can default the select without a reviewer having to re-pick it."""
    if report is None:
        return None
    valid = {section.value for section in AUPSection}
    for candidate in report.violated_sections:
        if candidate in valid:
            return candidate
    return None


# Values are the only ones Stripe's Account.reject API accepts.
_STRIPE_REJECT_REASON_OPTIONS: list[tuple[str, str]] = [
    ("Violates Stripe AUP / ToS", "terms_of_service"),
    ("Fraudulent", "fraud"),
    ("Other", "other"),
]
_STRIPE_REJECT_REASONS = {value for _, value in _STRIPE_REJECT_REASON_OPTIONS}


def _parse_stripe_reject_reason(
    form_data: FormData,
) -> tuple[bool, str | None, StripeAccountRejectReason | None, str | None]:
    """Parse the opt-in "disable Stripe account" control.

    Returns ``(checked, selected_value, reason, error)``. ``reason`` is only set
    when the reviewer ticked the box and picked a valid Stripe reject reason.
    """
    checked = bool(form_data.get("disable_stripe_account"))
    selected_value = str(form_data.get("stripe_reject_reason", "")).strip() or None
    if not checked:
        return False, selected_value, None, None
    if selected_value in _STRIPE_REJECT_REASONS:
        return (
            True,
            selected_value,
            cast(StripeAccountRejectReason, selected_value),
            None,
        )
    return True, selected_value, None, "Select a valid Stripe reject reason."


def _render_stripe_reject_field(*, checked: bool, selected_reason: str | None) -> None:
    with tag.div(classes="border-t border-base-200 pt-4"):
        with tag.div(classes="flex items-center gap-2"):
            with tag.label(classes="flex items-center gap-2 cursor-pointer"):
                with tag.input(
                    type="checkbox",
                    name="disable_stripe_account",
                    classes="checkbox checkbox-sm",
                    checked=checked,
                ):
                    pass
                with tag.span(classes="text-sm font-medium"):
                    text("Disable Stripe account")
            with input.select(
                _STRIPE_REJECT_REASON_OPTIONS,
                selected_reason or "terms_of_service",
                name="stripe_reject_reason",
                classes="select-bordered select-sm ml-auto w-52",
            ):
                pass
        with tag.p(classes="text-xs text-base-content/60 mt-1.5"):
            text("Permanent. Reactivation later needs a fresh Stripe onboarding.")


REVIEW_TICKET_TITLE_PREFIX = "Ongoing organization review"


def _default_review_ticket_title(organization: Organization) -> str:
    name = organization.name or organization.slug
    return f"{REVIEW_TICKET_TITLE_PREFIX} - {name}"


class DeletePayoutAccountForm(BaseModel):
    reason: str

    @field_validator("reason")
    @classmethod
    def reason_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("Reason is required")
        return v

    @classmethod
    def model_validate_form(cls, data: Any) -> "DeletePayoutAccountForm":
        return cls.model_validate(dict(data))


class SetCapabilityForm(BaseModel):
    reason: str

    @field_validator("reason")
    @classmethod
    def reason_min_length(cls, v: str) -> str:
        if len(v.strip()) < 10:
            raise ValueError("Reason must be at least 10 characters.")
        return v.strip()

    @classmethod
    def model_validate_form(cls, data: Any) -> "SetCapabilityForm":
        return cls.model_validate(dict(data))


class SnoozeForm(BaseModel):
    snooze_type: SnoozeType
    days: int = Field(ge=SNOOZE_MIN_DAYS, le=SNOOZE_MAX_DAYS)
    reason: str | None = None

    @classmethod
    def model_validate_form(cls, data: Any) -> "SnoozeForm":
        return cls.model_validate(dict(data))


class CreateReviewTicketForm(BaseModel):
    title: str = Field(min_length=1, max_length=200)

    @field_validator("title")
    @classmethod
    def title_not_blank(cls, v: str) -> str:
        stripped = v.strip()
        if not stripped:
            raise ValueError("Title is required")
        return stripped

    @classmethod
    def model_validate_form(cls, data: Any) -> "CreateReviewTicketForm":
        return cls.model_validate(dict(data))


async def count_test_sales(
    session: AsyncSession, organization_id: UUID4
) -> tuple[int, int]:
    """
    Count test sales (self-purchases by org team members with positive amounts).

    Uses UserOrganization + User to get actual org team member emails,
    NOT the Member model which represents customer usage entities.

    Returns (total_count, unrefunded_count).
    """
    team_member_emails_subquery = (
        select(func.lower(User.email))
        .join(UserOrganization, User.id == UserOrganization.user_id)
        .where(
            UserOrganization.organization_id == organization_id,
            UserOrganization.deleted_at.is_(None),
        )
        .correlate(None)
    )

    test_sales_filter = (
        Customer.organization_id == organization_id,
        func.lower(Customer.email).in_(team_member_emails_subquery),
        Order.net_amount > 0,
    )

    orders_count_result = await session.execute(
        select(func.count(Order.id))
        .join(Customer, Order.customer_id == Customer.id)
        .where(*test_sales_filter)
    )
    orders_count = orders_count_result.scalar() or 0

    unrefunded_orders_result = await session.execute(
        select(func.count(Order.id))
        .join(Customer, Order.customer_id == Customer.id)
        .where(
            *test_sales_filter,
            Order.status.notin_([OrderStatus.refunded, OrderStatus.partially_refunded]),
        )
    )
    unrefunded_orders_count = unrefunded_orders_result.scalar() or 0

    return orders_count, unrefunded_orders_count


# Defensive cap on the Review-tab in-memory cohort when sorting by priority.
REVIEW_TAB_MAX_COHORT = 2000


async def _orgs_with_open_cases(
    session: AsyncSession, organizations: Sequence[Organization]
) -> set[uuid.UUID]:
    """Org ids (among the given page) with at least one open support case
    (appeal or dispute)."""
    org_ids = [org.id for org in organizations]
    if not org_ids:
        return set()
    result = await session.execute(open_case_organization_ids(organization_ids=org_ids))
    return set(result.scalars().all())


async def _orgs_awaiting_reply(
    session: AsyncSession, organizations: Sequence[Organization]
) -> set[uuid.UUID]:
    """Org ids (among the given page) with an open case (appeal or dispute)
    awaiting a platform reply."""
    org_ids = [org.id for org in organizations]
    if not org_ids:
        return set()
    result = await session.execute(
        open_case_organization_ids(organization_ids=org_ids, awaiting_reply=True)
    )
    return set(result.scalars().all())


async def _build_review_signals(
    session: AsyncSession, orgs: Sequence[Organization]
) -> dict[uuid.UUID, Signals]:
    """Fetch each org's latest agent review, parse it, run ``priority.compute``."""
    if not orgs:
        return {}

    org_ids = [o.id for o in orgs]
    latest_review_stmt = (
        select(OrganizationAgentReview)
        .where(
            OrganizationAgentReview.organization_id.in_(org_ids),
            OrganizationAgentReview.deleted_at.is_(None),
        )
        .order_by(
            OrganizationAgentReview.organization_id,
            OrganizationAgentReview.reviewed_at.desc(),
        )
        .distinct(OrganizationAgentReview.organization_id)
    )
    result = await session.execute(latest_review_stmt)
    latest_by_org: dict[uuid.UUID, OrganizationAgentReview] = {
        ar.organization_id: ar for ar in result.scalars()
    }

    payout_repository = PayoutRepository.from_session(session)
    held_counts = await payout_repository.get_held_counts_by_accounts(
        [o.account_id for o in orgs]
    )

    signals: dict[uuid.UUID, Signals] = {}
    for org in orgs:
        metrics = None
        risk_score = org.review.risk_score if org.review else None
        agent_review = latest_by_org.get(org.id)
        if agent_review is not None:
            try:
                report = agent_review.parsed_report
            except Exception:
                logger.exception(
                    "agent_review_parse_failed", organization_id=str(org.id)
                )
                report = None
            if report is not None:
                metrics = report.data_snapshot.metrics
                risk_score = report.report.overall_risk_score
        signals[org.id] = review_priority.compute(
            org,
            metrics=metrics,
            risk_score=risk_score,
            held_payout_count=held_counts.get(org.account_id, 0),
        )
    return signals


def _apply_sql_sort(stmt: Select[Any], sort: str, direction: str) -> Select[Any]:
    is_desc = direction == "desc"
    if sort == "name":
        return stmt.order_by(
            Organization.name.desc() if is_desc else Organization.name.asc()
        )
    if sort == "country":
        return stmt.order_by(
            PayoutAccount.country.desc().nullslast()
            if is_desc
            else PayoutAccount.country.asc().nullslast()
        )
    if sort == "created":
        return stmt.order_by(
            Organization.created_at.desc() if is_desc else Organization.created_at.asc()
        )
    if sort == "updated":
        return stmt.order_by(
            Organization.modified_at.desc()
            if is_desc
            else Organization.modified_at.asc()
        )
    if sort == "status_duration":
        return stmt.order_by(
            Organization.status_updated_at.desc().nullslast()
            if is_desc
            else Organization.status_updated_at.asc().nullsfirst()
        )
    if sort == "risk":
        return stmt.join(Organization.review).order_by(
            OrganizationReview.risk_score.asc().nullsfirst()
            if is_desc
            else OrganizationReview.risk_score.desc().nullslast()
        )
    if sort == "total_balance":
        return stmt.order_by(
            Organization.total_balance.desc().nullslast()
            if is_desc
            else Organization.total_balance.asc().nullsfirst()
        )
    if sort == "priority":
        return stmt.order_by(
            Organization.status.desc(),
            Organization.status_updated_at.asc().nullsfirst(),
        )
    return stmt


@router.get("/", name="organizations:list")
async def list_organizations(
    request: Request,
    session: AsyncSession = Depends(get_db_session),
    status: str | None = Query(None),
    q: str | None = Query(None),
    sort: str = Query("priority"),
    direction: str | None = Query(None),
    page: int = Query(1, ge=1),
    limit: int = Query(20, ge=1, le=100),
    # Advanced filters
    country: str | None = Query(""),
    risk_level: str | None = Query(""),
    days_in_status: str | None = Query(""),
    has_appeal: str | None = Query(""),
    first_reviews: str | None = Query(""),
    deleted: DeletedFilter | None = Query(None),
) -> None:
    """
    List organizations with enhanced filtering and smart grouping.

    Features:
    - Status-based tabs with counts
    - "Needs Attention" smart grouping
    - Search across name, slug, email
    - Advanced filters: country, risk, transfers, payments, appeals
    - Column sorting
    """
    list_view = OrganizationListView(session)

    # Convert empty strings to None and parse numbers
    country = country if country else None
    risk_level = risk_level if risk_level else None
    has_appeal = has_appeal if has_appeal else None
    days_in_status_int = int(days_in_status) if days_in_status else None
    # When searching, include deleted so matches surface.
    deleted_filter: DeletedFilter = deleted or ("include" if q else "exclude")

    # Parse status filter
    status_filter: OrganizationStatus | None = None
    if status == "active":
        status_filter = OrganizationStatus.ACTIVE
    elif status == "denied":
        status_filter = OrganizationStatus.DENIED
    elif status == "created":
        status_filter = OrganizationStatus.CREATED
    elif status == "offboarding":
        status_filter = OrganizationStatus.OFFBOARDING
    elif status == "offboarded":
        status_filter = OrganizationStatus.OFFBOARDED
    elif status == "review":
        status_filter = OrganizationStatus.REVIEW
    elif status == "snoozed":
        status_filter = OrganizationStatus.SNOOZED
    elif status == "blocked":
        status_filter = OrganizationStatus.BLOCKED

    # "Open cases" is a separate dimension (not an org status).
    selected_open_cases = status == "open_cases"

    # Build query
    stmt = (
        select(Organization)
        .join(Organization.payout_account, isouter=True)
        .options(
            contains_eager(Organization.payout_account),
            joinedload(Organization.account),
            joinedload(Organization.review),
        )
    )

    # Apply filters
    if status_filter:
        stmt = stmt.where(Organization.status == status_filter)
    elif selected_open_cases:
        # Don't apply the default denied/blocked exclusion: open cases
        # typically live on denied organizations.
        stmt = stmt.where(Organization.id.in_(open_case_organization_ids()))
    elif not q:
        # By default, exclude denied, blocked, and offboarded organizations
        # (terminal states with their own tabs) — but not when searching.
        stmt = stmt.where(
            Organization.status.notin_(
                [
                    OrganizationStatus.DENIED,
                    OrganizationStatus.BLOCKED,
                    OrganizationStatus.OFFBOARDED,
                ]
            )
        )

    if q:
        try:
            stmt = stmt.where(Organization.id == uuid.UUID(q))
        except ValueError:
            search_term = f"%{q}%"
            stmt = stmt.where(
                or_(
                    Organization.name.ilike(search_term),
                    Organization.slug.ilike(search_term),
                    Organization.email.ilike(search_term),
                )
            )

    # Country filter
    if country:
        stmt = stmt.where(PayoutAccount.country == country)

    # Risk level filter
    if risk_level:
        stmt = stmt.join(Organization.review)
        if risk_level == "high":
            stmt = stmt.where(OrganizationReview.risk_score >= 75)
        elif risk_level == "medium":
            stmt = stmt.where(
                OrganizationReview.risk_score >= 50, OrganizationReview.risk_score < 75
            )
        elif risk_level == "low":
            stmt = stmt.where(OrganizationReview.risk_score < 50)
        elif risk_level == "unscored":
            stmt = (
                select(Organization)
                .options(
                    joinedload(Organization.account),
                    joinedload(Organization.review),
                )
                .outerjoin(Organization.review)
                .where(OrganizationReview.id.is_(None))
            )

    # Days in status filter
    if days_in_status_int:
        threshold_date = datetime.now(UTC) - timedelta(days=days_in_status_int)
        # Organizations in status for more than X days:
        # - Either status_updated_at exists and is older than threshold
        # - Or status_updated_at is NULL (never changed) and created_at is older than threshold
        stmt = stmt.where(
            or_(
                Organization.status_updated_at <= threshold_date,
                and_(
                    Organization.status_updated_at.is_(None),
                    Organization.created_at <= threshold_date,
                ),
            )
        )

    # Appeal filter
    if has_appeal:
        stmt = stmt.join(Organization.review)
        if has_appeal == "pending":
            stmt = stmt.where(
                OrganizationReview.appeal_submitted_at.is_not(None),
                OrganizationReview.appeal_reviewed_at.is_(None),
            )
        elif has_appeal == "reviewed":
            stmt = stmt.where(OrganizationReview.appeal_reviewed_at.is_not(None))
        elif has_appeal == "none":
            stmt = stmt.where(OrganizationReview.appeal_submitted_at.is_(None))

    if first_reviews == "true":
        stmt = stmt.where(Organization.is_first_review)
    elif first_reviews == "false":
        stmt = stmt.where(~Organization.is_first_review)

    stmt = apply_deleted_filter(stmt, deleted_filter)

    is_review_tab = status_filter == OrganizationStatus.REVIEW
    priority_sort = is_review_tab and sort == "priority"

    # Priority sort defaults to "desc" (highest urgency first); other sorts
    # keep the historical "asc" default.
    if direction is None:
        direction = "desc" if priority_sort else "asc"

    signals_by_org: dict[uuid.UUID, Signals] = {}
    organizations: list[Organization]

    if priority_sort:
        # Priority is a Python-computed composite, so we load the cohort,
        # build signals, sort, and paginate in memory.
        result = await session.execute(stmt.limit(REVIEW_TAB_MAX_COHORT + 1))
        all_orgs = list(result.scalars().unique().all())
        if len(all_orgs) > REVIEW_TAB_MAX_COHORT:
            logger.warning(
                "review_tab_cohort_truncated",
                count=len(all_orgs),
                cap=REVIEW_TAB_MAX_COHORT,
            )
            all_orgs = all_orgs[:REVIEW_TAB_MAX_COHORT]
        signals_by_org = await _build_review_signals(session, all_orgs)
        all_orgs.sort(
            key=lambda o: signals_by_org[o.id].priority,
            reverse=direction == "desc",
        )
        offset = (page - 1) * limit
        page_slice = all_orgs[offset : offset + limit + 1]
        has_more = len(page_slice) > limit
        organizations = page_slice[:limit] if has_more else page_slice
    else:
        stmt = _apply_sql_sort(stmt, sort, direction)
        offset = (page - 1) * limit
        stmt = stmt.offset(offset).limit(limit + 1)
        result = await session.execute(stmt)
        organizations = list(result.scalars().unique().all())
        has_more = len(organizations) > limit
        if has_more:
            organizations = organizations[:limit]
        if is_review_tab:
            signals_by_org = await _build_review_signals(session, organizations)

    open_case_org_ids = await _orgs_with_open_cases(session, organizations)
    awaiting_reply_org_ids = await _orgs_awaiting_reply(session, organizations)

    is_htmx_table_request = request.headers.get("HX-Target") == "org-list"

    if is_htmx_table_request:
        with list_view.render_table_only(
            request,
            organizations,
            status_filter,
            page,
            has_more,
            sort,
            direction,
            signals_by_org=signals_by_org,
            open_case_org_ids=open_case_org_ids,
            awaiting_reply_org_ids=awaiting_reply_org_ids,
            selected_open_cases=selected_open_cases,
        ):
            pass
    else:
        status_counts = await list_view.get_status_counts(deleted_filter)
        countries = await list_view.get_distinct_countries()
        open_cases_count = (
            await session.scalar(
                select(func.count()).select_from(
                    open_case_organization_ids().subquery()
                )
            )
            or 0
        )
        with layout(
            request,
            [("Organizations", str(request.url))],
            "organizations:list",
        ):
            with list_view.render(
                request,
                organizations,
                status_filter,
                status_counts,
                page,
                has_more,
                sort,
                direction,
                countries,
                country,
                selected_first_reviews=first_reviews,
                selected_q=q,
                selected_risk_level=risk_level,
                selected_days_in_status=days_in_status,
                selected_has_appeal=has_appeal,
                selected_deleted=deleted_filter,
                signals_by_org=signals_by_org,
                open_case_org_ids=open_case_org_ids,
                awaiting_reply_org_ids=awaiting_reply_org_ids,
                selected_open_cases=selected_open_cases,
                open_cases_count=open_cases_count,
            ):
                pass


@router.get("/{organization_id}", name="organizations:detail")
async def get_organization_detail(
    request: Request,
    organization_id: UUID4,
    section: str = Query("overview"),
    files_page: int = Query(1, ge=1),
    files_limit: int = Query(10, ge=1, le=100),
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> None:
    """
    Organization detail view with three-column layout.

    Features:
    - Left sidebar: Section navigation
    - Main content: Current section details
    - Right sidebar: Contextual actions and metadata
    """
    repository = OrganizationRepository(session)

    # Fetch organization with relationships
    stmt = (
        select(Organization)
        .options(
            joinedload(Organization.account),
            joinedload(Organization.payout_account),
            joinedload(Organization.review),
        )
        .where(Organization.id == organization_id)
    )

    result = await session.execute(stmt)
    organization = result.scalars().unique().one_or_none()

    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Fetch members separately
    members_stmt = (
        select(UserOrganization)
        .join(User, User.id == UserOrganization.user_id)
        .options(contains_eager(UserOrganization.user))
        .where(
            UserOrganization.organization_id == organization_id,
            ~UserOrganization.is_deleted,
            ~User.is_deleted,
        )
    )
    members_result = await session.execute(members_stmt)
    members = list(members_result.scalars().unique().all())
    organization.members = members  # type: ignore[attr-defined]

    # Fetch AI verdict for action buttons (needed regardless of section)
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    ai_verdict = ""
    if agent_review:
        parsed = agent_review.parsed_report
        ai_verdict = parsed.report.verdict.value

    # Fetch owner user email for Plain search
    owner_user = await repository.get_owner_user(organization)
    owner_email = owner_user.email if owner_user else None

    # Determine impersonation target: owner, or first member as fallback
    impersonate_user = owner_user
    if not impersonate_user and members:
        impersonate_user = members[0].user

    # Startup Program status is derived via the Polar API (customer +
    # discount). The view only needs the resulting status string.
    startup_program_status: str | None = None
    if settings.STARTUP_PROGRAM_ENABLED:
        startup_program_status = await startup_program_service.get_status(
            organization.id
        )

    # Appeal support case state (drives the review-card link in the overview).
    appeal_case = None
    appeal_case_open = False
    if organization.review is not None:
        appeal_case = await appeal_case_service.get_case(session, organization.review)
        if appeal_case is not None:
            message_repository = SupportCaseMessageRepository.from_session(session)
            appeal_case_open = await message_repository.is_open(appeal_case.id)

    # External risk signals (e.g. Stripe Radar), rendered on the overview and
    # reviews sections and driving the Reviews tab dot.
    risk_signal_repo = OrganizationRiskSignalRepository.from_session(session)
    risk_signals = await risk_signal_repo.list_by_organization(organization_id)
    has_risk_signals = bool(risk_signals)

    # Any open case (appeal or dispute) lights the Support Cases nav badge.
    open_case_count = await session.scalar(
        select(func.count()).select_from(
            count_subquery(
                cases_statement(organization_id=organization.id, status="open")
            )
        )
    )
    has_open_case = bool(open_case_count)

    # Create views
    detail_view = OrganizationDetailView(
        organization,
        ai_verdict=ai_verdict,
        owner_email=owner_email,
        impersonate_user=impersonate_user,
        startup_program_status=startup_program_status,
        has_open_case=has_open_case,
        has_risk_signals=has_risk_signals,
    )

    # Fetch analytics data for overview section
    setup_data = None
    payment_stats = None
    orders_count = 0
    unrefunded_orders_count = 0
    parsed_agent_report = None
    agent_reviewed_at = None
    if section == "overview":
        setup_analytics = OrganizationSetupAnalyticsService(session)
        payment_analytics = PaymentAnalyticsService(session)

        # Get setup metrics
        checkout_links_count = await setup_analytics.get_checkout_links_count(
            organization_id
        )
        webhooks_count = await setup_analytics.get_webhooks_count(organization_id)
        api_keys_count = await setup_analytics.get_organization_tokens_count(
            organization_id
        )
        products_count = await setup_analytics.get_products_count(organization_id)
        benefits_count = await setup_analytics.get_benefits_count(organization_id)
        enabled_benefits_count = await setup_analytics.get_enabled_benefits_count(
            organization_id
        )

        user_verified_result = await session.execute(
            select(User.identity_verification_status)
            .join(UserOrganization, User.id == UserOrganization.user_id)
            .where(UserOrganization.organization_id == organization_id)
            .limit(1)
        )
        user_verified_row = user_verified_result.first()
        user_verified = (
            user_verified_row[0] == IdentityVerificationStatus.verified
            if user_verified_row
            else False
        )

        payouts_enabled = await setup_analytics.check_payout_account_enabled(
            organization
        )
        payment_ready = organization.can_accept_payments

        setup_score = OrganizationSetupAnalyticsService.calculate_setup_score(
            checkout_links_count,
            webhooks_count,
            api_keys_count,
            products_count,
            benefits_count,
            user_verified,
            payouts_enabled,
        )

        # Calculate total transfer sum (balance transactions)
        total_transfer_sum = await transaction_service.get_transactions_sum(
            session, organization.account_id, type=TransactionType.balance
        )

        setup_data = {
            "setup_score": setup_score,
            "checkout_links_count": checkout_links_count,
            "webhooks_count": webhooks_count,
            "api_keys_count": api_keys_count,
            "products_count": products_count,
            "benefits_count": benefits_count,
            "enabled_benefits_count": enabled_benefits_count,
            "user_verified": user_verified,
            "payouts_enabled": payouts_enabled,
            "payment_ready": payment_ready,
            "next_review_threshold": organization.next_review_threshold,
            "total_transfer_sum": total_transfer_sum,
        }

        # Get payment metrics
        (
            payment_count,
            total_amount,
        ) = await payment_analytics.get_succeeded_payments_stats(organization_id)
        account_balance = await transaction_service.get_transactions_sum(
            session, organization.account_id
        )
        refunds_count, refunds_amount = await payment_analytics.get_refund_stats(
            organization_id
        )
        failed_count = await payment_analytics.get_failed_payments_count(
            organization_id
        )
        risk_scores = await payment_analytics.get_risk_scores(organization_id)
        (
            dispute_count,
            dispute_amount,
            chargeback_count,
            chargeback_amount,
        ) = await payment_analytics.get_dispute_stats(organization_id)

        total_attempts = payment_count + failed_count
        auth_rate = (
            (payment_count / total_attempts * 100) if total_attempts > 0 else 100.0
        )
        refund_rate = (refunds_count / payment_count * 100) if payment_count > 0 else 0
        dispute_rate = (dispute_count / payment_count * 100) if payment_count > 0 else 0
        chargeback_rate = (
            (chargeback_count / payment_count * 100) if payment_count > 0 else 0
        )

        p50_risk, p90_risk = payment_analytics.calculate_risk_percentiles(risk_scores)

        (
            held_payout_count,
            held_payout_amount,
        ) = await PayoutRepository.from_session(session).get_held_stats_by_account(
            organization.account_id
        )

        payment_stats = {
            "payment_count": payment_count,
            "total_amount": total_amount,
            "total_net_amount": total_transfer_sum,
            "account_balance": account_balance,
            "refunds_count": refunds_count,
            "refunds_amount": refunds_amount,
            "refund_rate": refund_rate,
            "auth_rate": auth_rate,
            "failed_count": failed_count,
            "dispute_count": dispute_count,
            "dispute_amount": dispute_amount,
            "dispute_rate": dispute_rate,
            "chargeback_count": chargeback_count,
            "chargeback_amount": chargeback_amount,
            "chargeback_rate": chargeback_rate,
            "p50_risk": p50_risk,
            "p90_risk": p90_risk,
            "risk_scores_count": len(risk_scores),
            "next_review_threshold": organization.next_review_threshold,
            "held_payout_count": held_payout_count,
            "held_payout_amount": held_payout_amount,
        }

        orders_count, unrefunded_orders_count = await count_test_sales(
            session, organization_id
        )

        parsed_agent_report = agent_review.parsed_report if agent_review else None
        agent_reviewed_at = agent_review.reviewed_at if agent_review else None

    # Render based on section
    with layout(
        request,
        [
            ("Organizations", str(request.url_for("organizations:list"))),
            (organization.name, str(request.url)),
        ],
        "organizations:detail",
    ):
        with detail_view.render(request, section):
            # Render section content
            if section == "overview":
                overview = OverviewSection(
                    organization,
                    orders_count=orders_count,
                    unrefunded_orders_count=unrefunded_orders_count,
                    agent_report=parsed_agent_report,
                    agent_reviewed_at=agent_reviewed_at,
                    has_open_appeal_case=appeal_case is not None and appeal_case_open,
                    risk_signals=risk_signals,
                )
                with overview.render(
                    request, setup_data=setup_data, payment_stats=payment_stats
                ):
                    pass
            elif section == "team":
                team_section = TeamSection(organization)
                with team_section.render(request):
                    pass
            elif section == "account":
                account_credits: Sequence[AccountCredit] = []
                credit_repository = AccountCreditRepository.from_session(session)
                account_credits = await credit_repository.get_all_by_account(
                    organization.account.id
                )
                account_section = AccountSection(
                    organization,
                    credits=account_credits,
                )
                payout_account_section = PayoutAccountSection(organization)
                with tag.div(classes="space-y-6"):
                    with account_section.render(request):
                        pass
                    with payout_account_section.render(request):
                        pass
            elif section == "files":
                # Fetch downloadable files from repository with pagination
                file_sorting: list[Sorting[FileSortProperty]] = [
                    (FileSortProperty.created_at, True)
                ]
                file_repository = FileRepository(session)
                files, files_count = await file_repository.paginate_by_organization(
                    organization.id,
                    service=FileServiceTypes.downloadable,
                    sorting=file_sorting,
                    limit=files_limit,
                    page=files_page,
                )
                files_section = FilesSection(
                    organization,
                    files=files,
                    page=files_page,
                    limit=files_limit,
                    total_count=files_count,
                )
                with files_section.render(request):
                    pass
            elif section == "reviews":
                agent_reviews = await review_repo.get_all_agent_reviews(organization_id)
                reviews_section = ReviewsSection(
                    organization,
                    agent_reviews=agent_reviews,
                    risk_signals=risk_signals,
                )
                with reviews_section.render(request):
                    pass
            elif section == "support_case":
                case_rows = (
                    await session.execute(
                        cases_statement(
                            organization_id=organization.id,
                            viewer_user_id=user_session.user_id,
                        )
                    )
                ).all()
                support_cases_section = SupportCasesListSection(
                    organization,
                    case_rows,  # type: ignore[arg-type]
                )
                with support_cases_section.render(request):
                    pass
            elif section == "history":
                # TODO: Implement history section
                with tag.div():
                    text("History section coming soon...")
            elif section == "settings":
                settings_section = SettingsSection(organization)
                with settings_section.render(request):
                    pass
            else:
                with tag.div():
                    text(f"Unknown section: {section}")


def _get_review_report(
    agent_review: OrganizationAgentReview | None,
) -> ReviewAgentReport | None:
    """Extract the ReviewAgentReport from an agent review.

    Isolated in a helper so the explicit return type prevents Any-widening
    in callers that also use untyped dict access (e.g. ``request.form()``).
    """
    if agent_review is None:
        return None
    return agent_review.parsed_report.report


def _render_ai_review_summary(report: ReviewAgentReport) -> None:
    """Render a compact AI review summary for use in approve/deny dialogs."""
    verdict = report.verdict.value

    badge_class = VERDICT_BADGE.get(verdict, "badge-ghost")

    risk_level = report.overall_risk_level.value
    risk_badge_class = RISK_LEVEL_BADGE.get(risk_level, "badge-ghost")

    with tag.div(classes="bg-base-200 p-4 rounded-lg space-y-3"):
        with tag.div(classes="flex items-center gap-3"):
            with tag.span(classes="text-sm font-semibold"):
                text("AI Verdict:")
            with tag.div(classes=f"badge {badge_class} badge-sm"):
                text(verdict)
            with tag.span(classes="text-sm font-semibold"):
                text("Risk:")
            with tag.div(classes=f"badge {risk_badge_class} badge-sm"):
                text(risk_level)

        if report.summary:
            with tag.p(classes="text-sm"):
                text(report.summary)

        if report.violated_sections:
            with tag.div(classes="text-sm"):
                with tag.span(classes="font-medium text-error"):
                    text("Violated sections: ")
                with tag.span():
                    text(", ".join(report.violated_sections))


@router.api_route(
    "/{organization_id}/approve-dialog",
    name="organizations:approve_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def approve_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Approve organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Fetch AI review for context (needed for both POST validation and GET rendering)
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    review_report = _get_review_report(agent_review)
    verdict = review_report.verdict.value if review_report else ""
    is_override = verdict == ReviewVerdict.DENY.value

    # Suggested threshold: double current or $250 min
    current_threshold = organization.next_review_threshold or 0
    suggested_threshold_cents = max(25000, current_threshold * 2)
    suggested_threshold_dollars = suggested_threshold_cents // 100

    # When AI agrees with approval, process POST directly (1-click from button)
    if not is_override and request.method == "POST":
        data = await request.form()
        raw_threshold = data.get("threshold", str(suggested_threshold_dollars))
        threshold = int(float(str(raw_threshold)) * 100)

        await review_repo.record_human_decision(
            organization_id=organization_id,
            reviewer_id=user_session.user.id,
            decision=DecisionType.APPROVE,
        )
        await organization_service.confirm_organization_reviewed(
            session, organization, threshold
        )
        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    # Override path: AI said DENY but human wants to APPROVE — show dialog
    error_message: str | None = None

    if request.method == "POST":
        data = await request.form()
        raw_threshold = data.get("threshold", str(suggested_threshold_dollars))
        threshold = int(float(str(raw_threshold)) * 100)

        override_reason = str(data.get("override_reason", "")).strip() or None

        if not override_reason:
            error_message = (
                "A reason is required when overriding the AI recommendation."
            )
        else:
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.APPROVE,
                reason=override_reason,
            )
            await organization_service.confirm_organization_reviewed(
                session, organization, threshold
            )
            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    with modal("Approve Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:approve_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            if review_report:
                _render_ai_review_summary(review_report)

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.div(classes="form-control"):
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text font-semibold"):
                            text("Next Review Threshold (in dollars)")
                    with tag.input(
                        type="number",
                        name="threshold",
                        value=str(suggested_threshold_dollars),
                        placeholder=str(suggested_threshold_dollars),
                        classes="input input-bordered",
                    ):
                        pass
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text-alt"):
                            text("Amount in dollars that will trigger next review")

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Reason for override (required)")
                with tag.textarea(
                    name="override_reason",
                    classes="textarea textarea-bordered w-full",
                    placeholder="Why are you overriding the AI recommendation?",
                    rows="3",
                    required=True,
                ):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Approve Organization")

    return None


@router.post(
    "/{organization_id}/run-review-agent", name="organizations:run_review_agent"
)
async def run_review_agent(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse:
    """Trigger the organization review agent as a background task."""
    repository = OrganizationRepository.from_session(session)
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    enqueue_job(
        "organization_review.run_agent",
        organization_id=organization.id,
        context=ReviewContext.MANUAL,
    )

    return HXRedirectResponse(
        request,
        str(request.url_for("organizations:detail", organization_id=organization_id))
        + "?section=overview",
        303,
    )


@router.api_route(
    "/{organization_id}/deny-dialog",
    name="organizations:deny_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def deny_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Deny organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Fetch AI review for context (needed for both POST validation and GET rendering)
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    review_report = _get_review_report(agent_review)

    error_message: str | None = None
    selected_section: str | None = _prefill_aup_section(review_report)
    override_reason: str | None = None
    stripe_checked = False
    stripe_selected_reason: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        override_reason = str(form_data.get("override_reason", "")).strip() or None

        selected_section, violated_aup_section, aup_error = _parse_violated_aup_section(
            form_data,
            required_error="An AUP section is required when denying an organization.",
        )
        stripe_checked, stripe_selected_reason, stripe_reject_reason, stripe_error = (
            _parse_stripe_reject_reason(form_data)
        )

        errors = []
        if aup_error:
            errors.append(aup_error)
        if not override_reason:
            errors.append("A reason is required when denying an organization.")
        if stripe_error:
            errors.append(stripe_error)
        error_message = " ".join(errors) or None

        if error_message is None:
            # Record review decision before denying
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.DENY,
                reason=override_reason,
                violated_aup_section=violated_aup_section,
            )

            # Deny the organization
            await organization_service.deny_organization(
                session, organization, stripe_reject_reason=stripe_reject_reason
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    textarea_attrs: dict[str, Any] = {
        "name": "override_reason",
        "classes": "textarea textarea-bordered w-full",
        "placeholder": "Why are you denying this organization?",
        "rows": "2",
        "required": True,
    }

    with modal("Deny Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:deny_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            with tag.p(classes="text-sm text-base-content/70"):
                text("Blocks payments. Reversible after another review.")

            if review_report:
                risk_level = review_report.overall_risk_level.value
                if review_report.verdict == ReviewVerdict.APPROVE:
                    with tag.p(classes="text-sm text-error"):
                        text(
                            f"⚠️ Overriding AI recommendation "
                            f"(APPROVE · {risk_level} risk)"
                        )
                else:
                    with tag.p(classes="text-sm text-base-content/60"):
                        text(
                            f"AI recommendation: {review_report.verdict.value} "
                            f"· {risk_level} risk"
                        )

            _render_violated_aup_section_field(
                selected_section, link_stripe_reason=True
            )

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Reason for denial (required)")
                with tag.textarea(**textarea_attrs):
                    if override_reason:
                        text(override_reason)

            # Match the Stripe reason to the initially-selected AUP section so the
            # field agrees with the section before the reviewer changes anything.
            initial_stripe_reason = stripe_selected_reason
            if initial_stripe_reason is None and selected_section is not None:
                try:
                    initial_stripe_reason = _stripe_reject_reason_for_aup(
                        AUPSection(selected_section)
                    )
                except ValueError:
                    pass

            _render_stripe_reject_field(
                checked=stripe_checked, selected_reason=initial_stripe_reason
            )

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="error", type="submit"):
                    text("Deny Organization")

    return None


@router.api_route(
    "/{organization_id}/approve-denied-dialog",
    name="organizations:approve_denied_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def approve_denied_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Approve a denied organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if organization.status not in (
        OrganizationStatus.DENIED,
        OrganizationStatus.BLOCKED,
    ):
        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    # Fetch AI review for context (needed for both POST validation and GET rendering)
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    review_report = _get_review_report(agent_review)
    verdict = review_report.verdict.value if review_report else ""
    is_override = verdict == ReviewVerdict.DENY.value

    error_message: str | None = None

    if request.method == "POST":
        data = await request.form()
        # Convert dollars to cents (user enters 250, we store 25000)
        raw_threshold = data.get("threshold", "250")
        threshold = int(float(str(raw_threshold)) * 100)

        override_reason = str(data.get("override_reason", "")).strip() or None

        if not override_reason:
            error_message = (
                "A reason is required when reactivating a denied organization."
            )
        else:
            # Record review decision before approving denied org
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.APPROVE,
                reason=override_reason,
            )

            # Approve the organization
            await organization_service.backoffice_approve(
                session,
                organization,
                threshold,
                reason=override_reason,
                staff_user=user_session.user,
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    reason_label = (
        "Reason for override (required)"
        if is_override
        else "Reason for reactivation (required)"
    )
    reason_placeholder = (
        "Why are you overriding the AI recommendation?"
        if is_override
        else "Why are you reactivating this denied organization?"
    )
    textarea_attrs: dict[str, Any] = {
        "name": "override_reason",
        "classes": "textarea textarea-bordered w-full",
        "placeholder": reason_placeholder,
        "rows": "3",
        "required": True,
    }

    with modal("Approve Denied Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:approve_denied_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            with tag.p(classes="font-semibold"):
                text("Approve this previously denied organization")

            if review_report:
                _render_ai_review_summary(review_report)

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.p(classes="mb-3"):
                    text(
                        "This will set the organization to ACTIVE status and allow them to receive payments. "
                        "Make sure you've reviewed the organization details and any appeal information."
                    )

                with tag.div(classes="form-control"):
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text font-semibold"):
                            text("Next Review Threshold (in dollars)")
                    with tag.input(
                        type="number",
                        name="threshold",
                        value="250",
                        placeholder="250",
                        classes="input input-bordered",
                    ):
                        pass
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text-alt"):
                            text("Amount in dollars that will trigger next review")

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text(reason_label)
                with tag.textarea(**textarea_attrs):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Approve Organization")

    return None


@router.api_route(
    "/{organization_id}/deny-appeal-dialog",
    name="organizations:deny_appeal_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def deny_appeal_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Deny an organization's appeal dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(
        organization_id,
        include_blocked=True,
        options=(joinedload(Organization.review),),
    )
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Fetch AI review for context
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    review_report = _get_review_report(agent_review)

    error_message: str | None = None
    selected_section: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        reason = str(form_data.get("reason", "")).strip() or None

        selected_section, violated_aup_section, error_message = (
            _parse_violated_aup_section(
                form_data,
                required_error="An AUP section is required when denying an appeal.",
            )
        )

        if error_message is None:
            # Record review decision
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.DENY,
                review_context=ReviewContext.APPEAL,
                reason=reason,
                violated_aup_section=violated_aup_section,
            )

            # Deny the appeal (also closes any open appeal case as denied)
            await organization_service.deny_appeal(
                session, organization, staff_user=user_session.user, reason=reason
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    # Show appeal reason if available
    appeal_reason = None
    if organization.review and organization.review.appeal_reason:
        appeal_reason = organization.review.appeal_reason

    with modal("Deny Appeal", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p(classes="font-semibold text-error"):
                text("⚠️ This will reject the organization's appeal")

            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            if review_report:
                _render_ai_review_summary(review_report)

            if appeal_reason:
                with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                    with tag.p(classes="font-semibold text-sm mb-2"):
                        text("Appeal Reason")
                    with tag.p(classes="text-sm whitespace-pre-wrap"):
                        text(appeal_reason)

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.p():
                    text(
                        "Denying the appeal will keep the organization in DENIED status. "
                        "They will not be able to receive payments."
                    )

            with tag.form(
                hx_post=str(
                    request.url_for(
                        "organizations:deny_appeal_dialog",
                        organization_id=organization_id,
                    )
                ),
                hx_target="#modal",
                classes="flex flex-col gap-4",
            ):
                _render_violated_aup_section_field(selected_section)

                with tag.div(classes="form-control"):
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text"):
                            text("Reason for denying appeal (optional)")
                    with tag.textarea(
                        name="reason",
                        classes="textarea textarea-bordered w-full",
                        placeholder="Why are you denying this appeal?",
                        rows="3",
                    ):
                        pass

                with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                    with tag.form(method="dialog"):
                        with button(ghost=True):
                            text("Cancel")
                    with button(variant="error", type="submit"):
                        text("Deny Appeal")

    return None


async def _load_org_with_appeal_case(
    session: AsyncSession, organization_id: UUID4
) -> tuple[Organization, ReviewAppealSupportCase]:
    """Load an organization and its appeal support case, or raise 404."""
    repository = OrganizationRepository(session)
    organization = await repository.get_by_id(
        organization_id,
        include_blocked=True,
        options=(joinedload(Organization.review),),
    )
    if not organization or organization.review is None:
        raise HTTPException(status_code=404, detail="Organization not found")

    case = await appeal_case_service.get_case(session, organization.review)
    if case is None:
        raise HTTPException(status_code=404, detail="Support case not found")
    return organization, case


def _support_case_redirect(
    request: Request, case_id: UUID4, return_to: str | None = None
) -> HXRedirectResponse:
    """Send the staff member back to the case detail page after an action,
    preserving the origin they came from."""
    return HXRedirectResponse(
        request,
        case_detail_url(request, case_id, return_to=return_to),
        303,
    )


@router.api_route(
    "/{organization_id}/appeal-case/approve-dialog",
    name="organizations:appeal_case_approve_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def appeal_case_approve_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Approve the appeal: reactivate the organization and close the case."""
    organization, case = await _load_org_with_appeal_case(session, organization_id)
    return_to = request.query_params.get("return_to")

    error_message: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        # Approving overrides the AI's denial: the internal note is mandatory and
        # staff-only, so a later re-flag shows who overrode and why. The merchant
        # message is optional and the only part the merchant sees.
        internal_note = str(form_data.get("internal_note", "")).strip() or None
        merchant_message = str(form_data.get("merchant_message", "")).strip() or None
        message_repository = SupportCaseMessageRepository.from_session(session)
        if not internal_note:
            error_message = (
                "An internal note is required to approve — it overrides the AI's "
                "denial."
            )
        elif len(internal_note) > 5000:
            error_message = "The internal note must be at most 5000 characters."
        elif not await message_repository.is_open(case.id):
            error_message = "This appeal case is already closed."
        else:
            review_repo = OrganizationReviewRepository.from_session(session)
            try:
                await review_repo.record_human_decision(
                    organization_id=organization_id,
                    reviewer_id=user_session.user.id,
                    decision=DecisionType.APPROVE,
                    review_context=ReviewContext.APPEAL,
                    reason=internal_note,
                )
                await appeal_case_service.add_reply(
                    session,
                    case,
                    ReviewAppealSupportCaseMessageCreate(
                        type=SupportCaseType.review_appeal, body=internal_note
                    ),
                    author_kind=SupportCaseMessageAuthorKind.platform,
                    author_user=user_session.user,
                    internal=True,
                )
                await organization_service.backoffice_approve(
                    session,
                    organization,
                    reason=merchant_message,
                    internal_note="Appeal approved — see support case.",
                    staff_user=user_session.user,
                )
            except (OrganizationError, AppealCaseError) as e:
                # Discard the recorded decision so a failure can't commit
                # half the approval (decision without org/case update).
                await session.rollback()
                error_message = e.args[0]
            else:
                return _support_case_redirect(request, case.id, return_to)

    with modal("Approve Appeal", open=True):
        with tag.form(
            hx_post=append_return_to(
                str(
                    request.url_for(
                        "organizations:appeal_case_approve_dialog",
                        organization_id=organization_id,
                    )
                ),
                return_to,
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)
            with tag.p():
                text(
                    "Approving overrides the AI's denial, reactivates the "
                    "organization and closes the support case. The merchant is "
                    "notified of the decision."
                )
            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Internal note (required, not shared with the merchant)")
                with tag.textarea(
                    name="internal_note",
                    classes="textarea textarea-bordered w-full",
                    placeholder="Why are you overriding the AI's denial? "
                    "Staff-only — recorded for future reviews.",
                    rows="3",
                    required=True,
                    maxlength="5000",
                ):
                    pass
            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Message to the merchant (optional, shared with them)")
                with tag.textarea(
                    name="merchant_message",
                    classes="textarea textarea-bordered w-full",
                    placeholder="Optional note included with the approval.",
                    rows="3",
                ):
                    pass
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Approve Appeal")

    return None


@router.api_route(
    "/{organization_id}/appeal-case/deny-dialog",
    name="organizations:appeal_case_deny_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def appeal_case_deny_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Deny the appeal: keep the organization denied and close the case.

    The organization is already in its denied state (the human-review case is
    opened after the AI appeal was rejected), so there is no org-status change
    to make — the decision records the outcome on the case and locks it.
    """
    organization, case = await _load_org_with_appeal_case(session, organization_id)
    return_to = request.query_params.get("return_to")

    error_message: str | None = None
    selected_section: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        reason = str(form_data.get("reason", "")).strip() or None

        selected_section, violated_aup_section, error_message = (
            _parse_violated_aup_section(
                form_data,
                required_error="An AUP section is required when denying an appeal.",
            )
        )

        if error_message is None:
            review_repo = OrganizationReviewRepository.from_session(session)
            try:
                await review_repo.record_human_decision(
                    organization_id=organization_id,
                    reviewer_id=user_session.user.id,
                    decision=DecisionType.DENY,
                    review_context=ReviewContext.APPEAL,
                    reason=reason,
                    violated_aup_section=violated_aup_section,
                )
                await appeal_case_service.record_decision(
                    session,
                    case,
                    approved=False,
                    staff_user=user_session.user,
                    reason=reason,
                )
                await organization_service.add_internal_note(
                    session, organization, "Appeal denied — see support case."
                )
            except AppealCaseError as e:
                # Discard the recorded decision so a failure can't commit it
                # without the case actually being closed.
                await session.rollback()
                error_message = e.args[0]
            else:
                return _support_case_redirect(request, case.id, return_to)

    with modal("Deny Appeal", open=True):
        with tag.form(
            hx_post=append_return_to(
                str(
                    request.url_for(
                        "organizations:appeal_case_deny_dialog",
                        organization_id=organization_id,
                    )
                ),
                return_to,
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)
            with tag.p(classes="font-semibold text-error"):
                text("This keeps the organization denied and closes the case.")
            _render_violated_aup_section_field(selected_section)
            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Reason (optional, shared with the merchant)")
                with tag.textarea(
                    name="reason",
                    classes="textarea textarea-bordered w-full",
                    placeholder="Why are you denying this appeal?",
                    rows="3",
                ):
                    pass
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="error", type="submit"):
                    text("Deny Appeal")

    return None


@router.api_route(
    "/{organization_id}/unblock-approve-dialog",
    name="organizations:unblock_approve_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def unblock_approve_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Unblock and approve organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Fetch AI review for context (needed for both POST validation and GET rendering)
    review_repo = OrganizationReviewRepository.from_session(session)
    agent_review = await review_repo.get_latest_agent_review(organization_id)
    review_report = _get_review_report(agent_review)
    verdict = review_report.verdict.value if review_report else ""
    is_override = verdict == ReviewVerdict.DENY.value

    error_message: str | None = None

    if request.method == "POST":
        data = await request.form()
        # Convert dollars to cents (user enters 250, we store 25000)
        raw_threshold = data.get("threshold", "250")
        threshold = int(float(str(raw_threshold)) * 100)

        override_reason = str(data.get("override_reason", "")).strip() or None

        if not override_reason:
            error_message = "A reason is required when unblocking an organization."
        else:
            # Record review decision before unblocking
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.APPROVE,
                reason=override_reason,
            )

            # Approve the organization
            await organization_service.backoffice_approve(
                session,
                organization,
                threshold,
                reason=override_reason,
                staff_user=user_session.user,
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    reason_label = (
        "Reason for override (required)"
        if is_override
        else "Reason for unblocking (required)"
    )
    reason_placeholder = (
        "Why are you overriding the AI recommendation?"
        if is_override
        else "Why are you unblocking this organization?"
    )
    textarea_attrs: dict[str, Any] = {
        "name": "override_reason",
        "classes": "textarea textarea-bordered w-full",
        "placeholder": reason_placeholder,
        "rows": "3",
        "required": True,
    }

    with modal("Unblock & Approve Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:unblock_approve_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            with tag.p(classes="font-semibold"):
                text("Unblock and approve this organization")

            if review_report:
                _render_ai_review_summary(review_report)

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.p(classes="mb-3"):
                    text(
                        "This will unblock the organization and set it to ACTIVE status. "
                        "The organization will be able to receive payments again."
                    )

                with tag.div(classes="form-control"):
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text font-semibold"):
                            text("Next Review Threshold (in dollars)")
                    with tag.input(
                        type="number",
                        name="threshold",
                        value="250",
                        placeholder="250",
                        classes="input input-bordered",
                    ):
                        pass
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text-alt"):
                            text("Amount in dollars that will trigger next review")

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text(reason_label)
                with tag.textarea(**textarea_attrs):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Unblock & Approve")

    return None


@router.api_route(
    "/{organization_id}/block-dialog",
    name="organizations:block_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def block_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Block organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    error_message: str | None = None
    stripe_checked = False
    stripe_selected_reason: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        stripe_checked, stripe_selected_reason, stripe_reject_reason, error_message = (
            _parse_stripe_reject_reason(form_data)
        )

        if error_message is None:
            await organization_service.block_organization(
                session, organization, stripe_reject_reason=stripe_reject_reason
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    with modal("Block Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:block_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            with tag.p(classes="text-sm text-base-content/70"):
                text(
                    "Blocks all access, payments, and API. "
                    "Typically used for fraud or ToS violations."
                )

            _render_stripe_reject_field(
                checked=stripe_checked, selected_reason=stripe_selected_reason
            )

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="error", type="submit"):
                    text("Block Organization")

    return None


@router.api_route(
    "/{organization_id}/reset-onboarding-dialog",
    name="organizations:reset_onboarding_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def reset_onboarding_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    repository = OrganizationRepository.from_session(session)
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if organization is None:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        try:
            await organization_service.reset_onboarding_for_review(
                session,
                organization,
                reset_by=user_session.user.email,
            )
        except OrganizationError as e:
            await add_toast(request, e.message, "error")
            return None
        await add_toast(
            request,
            "Organization onboarding reset. They must review and resubmit their information.",
            "success",
        )
        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    with modal("Reset Onboarding", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p(classes="font-semibold text-warning"):
                text("Require a new onboarding review")

            with tag.div(
                classes="bg-warning/10 border border-warning/20 p-4 rounded-lg"
            ):
                with tag.p(classes="font-semibold mb-2"):
                    text("This action will:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text("Change the organization status to Created")
                    with tag.li():
                        text(
                            "Disable payments, renewals, payouts, and refunds until "
                            "the organization is approved again"
                        )
                    with tag.li():
                        text(
                            "Cancel pending-review payouts and return their reserved "
                            "funds to the organization's balance"
                        )
                    with tag.li():
                        text("Retire the current review so the AI review runs again")
                    with tag.li():
                        text(
                            "Keep the existing organization information available "
                            "for the owner or admin to review and resubmit"
                        )
                    with tag.li():
                        text(
                            "Show the organization an onboarding requirements "
                            "changed notice in the dashboard"
                        )

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(
                    hx_post=str(
                        request.url_for(
                            "organizations:reset_onboarding_dialog",
                            organization_id=organization_id,
                        )
                    ),
                ):
                    with button(variant="warning", type="submit"):
                        text("Reset Onboarding")

    return None


@router.api_route(
    "/{organization_id}/under-review-dialog",
    name="organizations:under_review_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def under_review_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Set organization under review dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        await organization_service.set_organization_under_review(
            session, organization, enqueue_review=False
        )

        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    with modal("Set Under Review", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p(classes="font-semibold text-warning"):
                text("Set Organization Under Review")

            with tag.div(
                classes="bg-warning/10 border border-warning/20 p-4 rounded-lg"
            ):
                with tag.p(classes="font-semibold mb-2"):
                    text("This action will:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text("Change the organization status to Ongoing Review")
                    with tag.li():
                        text(
                            "Hold any payout requests for review instead of paying "
                            "them out immediately. Held payouts are released "
                            "automatically once the organization is approved."
                        )

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(
                    hx_post=str(
                        request.url_for(
                            "organizations:under_review_dialog",
                            organization_id=organization_id,
                        )
                    ),
                ):
                    with button(variant="warning", type="submit"):
                        text("Set Under Review")

    return None


@router.api_route(
    "/{organization_id}/snooze-dialog",
    name="organizations:snooze_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def snooze_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Snooze an organization under review."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        form_data = await request.form()
        try:
            form = SnoozeForm.model_validate_form(form_data)
        except ValidationError as e:
            detail = [{"loc": err["loc"], "msg": err["msg"]} for err in e.errors()]
            raise HTTPException(status_code=400, detail=detail) from e

        reason = (form.reason or "").strip() or None

        review_repo = OrganizationReviewRepository(session)
        await review_repo.record_human_decision(
            organization_id=organization_id,
            reviewer_id=user_session.user.id,
            decision=DecisionType.SNOOZE,
            reason=reason,
        )

        await organization_service.snooze_organization(
            session,
            organization,
            days=form.days,
            snooze_type=form.snooze_type,
            reason=reason,
        )

        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    with modal("Snooze Organization", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:snooze_dialog",
                    organization_id=organization_id,
                )
            ),
            classes="flex flex-col gap-4",
        ):
            with tag.p(classes="font-semibold text-warning"):
                text("Snooze Organization")

            if organization.snooze_count > 0:
                with tag.div(classes="bg-info/10 border border-info/20 p-3 rounded-lg"):
                    with tag.p(classes="text-sm"):
                        text(
                            f"This organization has been snoozed {organization.snooze_count} time(s) before."
                        )

            with tag.div(
                classes="bg-warning/10 border border-warning/20 p-4 rounded-lg"
            ):
                with tag.p(classes="font-semibold mb-2"):
                    text("This action will:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text("Change the organization status to Snoozed")
                    with tag.li():
                        text("Payments will continue to be accepted")
                    with tag.li():
                        text("Payouts remain blocked")
                    with tag.li():
                        text(
                            "Org returns to Review based on the trigger you "
                            "select below"
                        )

            snooze_options = [
                (
                    SnoozeType.NEXT_SALE,
                    "On next sale after X days",
                    "Stays snoozed past the deadline until the next sale arrives.",
                ),
                (
                    SnoozeType.TIME_BASED,
                    "Auto re-review after X days",
                    "Pops back into the queue automatically once the deadline passes.",
                ),
            ]
            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text font-semibold"):
                        text("Re-review trigger")
                with tag.div(classes="flex flex-col gap-2"):
                    for option_type, option_label, option_desc in snooze_options:
                        with tag.label(classes="flex items-start gap-2 cursor-pointer"):
                            input_attrs: dict[str, Any] = {
                                "type": "radio",
                                "name": "snooze_type",
                                "value": option_type.value,
                                "classes": "radio radio-sm mt-0.5",
                            }
                            if option_type == SnoozeType.NEXT_SALE:
                                input_attrs["checked"] = "checked"
                            with tag.input(**input_attrs):
                                pass
                            with tag.div(classes="flex flex-col"):
                                with tag.span(classes="text-sm font-medium"):
                                    text(option_label)
                                with tag.span(classes="text-xs text-base-content/70"):
                                    text(option_desc)

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text font-semibold"):
                        text(f"Days ({SNOOZE_MIN_DAYS}–{SNOOZE_MAX_DAYS})")
                with tag.input(
                    type="number",
                    name="days",
                    value=str(SNOOZE_MIN_DAYS),
                    min=str(SNOOZE_MIN_DAYS),
                    max=str(SNOOZE_MAX_DAYS),
                    required="required",
                    classes="input input-bordered w-full",
                ):
                    pass

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Reason for snoozing (optional)")
                with tag.textarea(
                    name="reason",
                    classes="textarea textarea-bordered w-full",
                    placeholder="e.g. Merchant not responding to review questions",
                    rows="3",
                ):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="warning", type="submit"):
                    text("Snooze")

    return None


@router.post(
    "/{organization_id}/unsnooze",
    name="organizations:unsnooze",
    response_model=None,
)
async def unsnooze(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse:
    """Unsnooze an organization back to review (direct action, no modal)."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    review_repo = OrganizationReviewRepository(session)
    await review_repo.record_human_decision(
        organization_id=organization_id,
        reviewer_id=user_session.user.id,
        decision=DecisionType.ESCALATE,
    )

    await organization_service.unsnooze_organization(session, organization)

    return HXRedirectResponse(
        request,
        str(request.url_for("organizations:detail", organization_id=organization_id)),
        303,
    )


@router.post(
    "/{organization_id}/startup-program/mark-invited",
    name="organizations:startup_program_mark_invited",
    response_model=None,
)
async def startup_program_mark_invited(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Invite the organization to the Startup Program.

    Resolves the Polar-for-Polar customer (in Polar's org, with
    ``external_id`` equal to the organization id) and eagerly creates its
    dedicated 100% Scale discount.
    """
    del user_session  # admin gate only

    detail_url = str(
        request.url_for("organizations:detail", organization_id=organization_id)
    )

    if not settings.STARTUP_PROGRAM_ENABLED:
        await add_toast(request, "Startup Program is not configured.", "error")
        return None

    organization = await OrganizationRepository.from_session(session).get_by_id(
        organization_id, include_blocked=True
    )
    if organization is None:
        await add_toast(request, "Organization not found.", "error")
        return None

    try:
        discount = await startup_program_service.mark_invited(organization)
    except StartupProgramError as e:
        await add_toast(request, str(e), "error")
        return None

    await add_toast(
        request,
        f"Invited. Created discount {discount.id}.",
        "success",
    )
    return HXRedirectResponse(request, detail_url, 303)


@router.post(
    "/{organization_id}/startup-program/uninvite",
    name="organizations:startup_program_uninvite",
    response_model=None,
)
async def startup_program_uninvite(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Revoke an organization's unused Startup Program discount.

    Only valid while the discount is unused — once it's been redeemed the
    discount is part of billing history and can't be removed.
    """
    del user_session  # admin gate only

    detail_url = str(
        request.url_for("organizations:detail", organization_id=organization_id)
    )

    if not settings.STARTUP_PROGRAM_ENABLED:
        await add_toast(request, "Startup Program is not configured.", "error")
        return None

    organization = await OrganizationRepository.from_session(session).get_by_id(
        organization_id, include_blocked=True
    )
    if organization is None:
        await add_toast(request, "Organization not found.", "error")
        return None

    try:
        await startup_program_service.uninvite(organization)
    except StartupProgramError as e:
        await add_toast(request, str(e), "error")
        return None

    await add_toast(request, "Uninvited.", "success")
    return HXRedirectResponse(request, detail_url, 303)


@router.api_route(
    "/{organization_id}/review-ticket",
    name="organizations:create_review_ticket",
    methods=["GET", "POST"],
    response_model=None,
)
async def create_review_ticket(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    repository = OrganizationRepository.from_session(session)
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    owner_user = await repository.get_owner_user(organization)
    if not owner_user:
        await add_toast(request, "No owner user found for this organization.", "error")
        return

    default_title = _default_review_ticket_title(organization)

    if request.method == "POST":
        form_data = await request.form()
        try:
            form = CreateReviewTicketForm.model_validate_form(form_data)
        except ValidationError as e:
            detail = [{"loc": err["loc"], "msg": err["msg"]} for err in e.errors()]
            raise HTTPException(status_code=400, detail=detail) from e

        title = form.title

        try:
            thread_id = await plain_service.create_manual_organization_thread(
                session, organization, owner_user, title
            )
        except AccountReviewThreadCreationError as e:
            logger.error(
                "Failed to create Plain review ticket",
                organization_id=str(organization_id),
                error=str(e),
            )
            await add_toast(request, f"Failed to create ticket: {e.message}", "error")
            return
        except Exception as e:
            error = repr(e)
            logger.exception(
                "Unexpected error creating Plain review ticket",
                organization_id=str(organization_id),
                error=error,
            )
            await add_toast(
                request,
                f"Failed to create ticket: {error[:200]}",
                "error",
            )
            return

        if not thread_id:
            await add_toast(
                request,
                "Plain integration is disabled; no ticket was created.",
                "error",
            )
            return

        with modal("Plain Ticket Created", open=True):
            with tag.div(classes="flex flex-col gap-4"):
                with tag.p():
                    text(f'Plain ticket "{title}" created successfully.')
                with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                    with tag.form(method="dialog"):
                        with button(ghost=True):
                            text("Close")
                    with tag.a(
                        href=plain_thread_url(thread_id),
                        target="_blank",
                        rel="noopener noreferrer",
                    ):
                        with button(variant="primary"):
                            text("Open Ticket")
        return

    with modal("Create Plain Ticket", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:create_review_ticket",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text font-semibold"):
                        text("Ticket title")
                with tag.input(
                    type="text",
                    name="title",
                    value=default_title,
                    required="required",
                    maxlength="200",
                    classes="input input-bordered w-full",
                ):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Create")


@router.api_route(
    "/{organization_id}/offboard-dialog",
    name="organizations:offboard_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def offboard_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Set organization to offboarding status dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    error_message: str | None = None
    selected_section: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        reason = str(form_data.get("reason", "")).strip() or None

        selected_section, violated_aup_section, error_message = (
            _parse_violated_aup_section(
                form_data,
                required_error="An AUP section is required when offboarding an organization.",
            )
        )

        if error_message is None:
            review_repo = OrganizationReviewRepository.from_session(session)
            await review_repo.record_human_decision(
                organization_id=organization_id,
                reviewer_id=user_session.user.id,
                decision=DecisionType.DENY,
                reason=reason,
                violated_aup_section=violated_aup_section,
            )

            await organization_service.set_organization_offboarding(
                session, organization, reason=reason
            )

            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

    with modal("Set Offboarding", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:offboard_dialog",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col gap-4",
        ):
            if error_message:
                with tag.div(classes="alert alert-error"):
                    text(error_message)

            with tag.p(classes="font-semibold text-warning"):
                text("Set Organization to Offboarding")

            with tag.div(
                classes="bg-warning/10 border border-warning/20 p-4 rounded-lg"
            ):
                with tag.p(classes="font-semibold mb-2"):
                    text("This action will:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text("Change the organization status to Offboarding")
                    with tag.li():
                        text("Block payouts while the organization is offboarding")

            _render_violated_aup_section_field(selected_section)

            with tag.div(classes="form-control"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text"):
                        text("Reason for offboarding")
                with tag.textarea(
                    name="reason",
                    classes="textarea textarea-bordered w-full",
                    placeholder="Why is this organization being offboarded?",
                    rows="3",
                ):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="warning", type="submit"):
                    text("Set Offboarding")

    return None


@router.api_route(
    "/{organization_id}/offboarded-dialog",
    name="organizations:offboarded_dialog",
    methods=["GET", "POST"],
    response_model=None,
    dependencies=[Depends(get_admin)],
)
async def offboarded_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Manually complete offboarding: move the org to the terminal offboarded state."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        try:
            await organization_service.set_organization_offboarded(
                session, organization
            )
        except OrganizationError as e:
            await add_toast(request, e.message, "error")
        else:
            await add_toast(request, "Organization offboarded", "success")
        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            ),
            303,
        )

    # Surface how much of the wind-down period remains. The auto-offboard cron
    # anchors on the later of the last paid order (chargeback risk) and the
    # offboarding-entry date (merchant wind-down floor); mirror that here so the
    # admin sees whether they're completing offboarding early.
    now = datetime.now(UTC)
    last_paid_order_at = await repository.get_last_paid_order_at(organization_id)
    offboarding_since = organization.status_updated_at
    anchors = [d for d in (last_paid_order_at, offboarding_since) if d is not None]
    anchor = max(anchors) if anchors else None
    completes_at = (
        anchor + settings.ORGANIZATION_OFFBOARDING_PERIOD
        if anchor is not None
        else None
    )
    period_elapsed = completes_at is not None and now >= completes_at
    remaining_days = (
        math.ceil((completes_at - now) / timedelta(days=1))
        if completes_at is not None and not period_elapsed
        else None
    )

    def date_row(label: str, value: datetime | None) -> None:
        with tag.div(classes="flex justify-between gap-4 text-sm"):
            with tag.span(classes="text-base-content/70"):
                text(label)
            with tag.span(classes="font-medium"):
                text(value.strftime("%Y-%m-%d") if value is not None else "—")

    with modal("Complete Offboarding", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:offboarded_dialog",
                    organization_id=organization_id,
                )
            ),
            classes="flex flex-col gap-4",
        ):
            with tag.p(classes="font-semibold"):
                text("Set Organization to Offboarded")

            with tag.div(classes="bg-base-200 border border-base-300 p-4 rounded-lg"):
                with tag.p(classes="font-semibold mb-2"):
                    text("This action will:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text(
                            "Email all organization members that the organization "
                            "has been offboarded."
                        )
                    with tag.li():
                        text(
                            "Move the organization to Offboarded (terminal). New "
                            "payments stay blocked and payouts are released so the "
                            "merchant can withdraw their remaining balance."
                        )

            with tag.div(
                classes="bg-base-200 border border-base-300 p-4 rounded-lg space-y-1"
            ):
                date_row("Last paid order", last_paid_order_at)
                date_row("Offboarding since", offboarding_since)
                date_row("Offboarding period completes", completes_at)

            if not period_elapsed:
                with tag.div(
                    classes="bg-warning/10 border border-warning/20 p-4 rounded-lg"
                ):
                    with tag.p(classes="font-semibold text-warning mb-1"):
                        text("Offboarding period has not fully elapsed")
                    with tag.p(classes="text-sm"):
                        if remaining_days is not None:
                            text(
                                f"{remaining_days} day(s) remain since the latest of "
                                "the offboarding date and the last paid order. "
                                "Completing now skips the rest of the wind-down "
                                "period (chargeback and withdrawal window)."
                            )
                        else:
                            text(
                                "The offboarding date is unknown, so the wind-down "
                                "period can't be verified. Completing now skips any "
                                "remaining chargeback and withdrawal window."
                            )

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="warning", type="submit"):
                    text("Complete Offboarding")

    return None


@router.api_route(
    "/{organization_id}/edit",
    name="organizations:edit",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_organization(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization details."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(
        organization_id, include_blocked=True, include_deleted=True
    )
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = UpdateOrganizationBasicForm.model_validate_form(data)
            slug_changed = form.slug != organization.slug
            if slug_changed:
                existing_slug = await repository.get_by_slug(
                    form.slug, include_deleted=True
                )
                if existing_slug is not None and existing_slug.id != organization.id:
                    raise ValidationError.from_exception_data(
                        title="SlugAlreadyExists",
                        line_errors=[
                            {
                                "loc": ("slug",),
                                "type": PydanticCustomError(
                                    "SlugAlreadyExists",
                                    "An organization with this slug already exists.",
                                ),
                                "input": form.slug,
                            }
                        ],
                    )

            # Update organization with basic fields only
            form_dict = form.model_dump(exclude_none=True)
            organization = await repository.update(
                organization,
                update_dict=form_dict,
            )

            # Keep the Polar-for-Polar billing customer's slug in sync with the
            # organization slug (the org slug is the customer's slug).
            if slug_changed:
                polar_self_service.enqueue_update_customer_slug(
                    organization_id=organization.id, slug=organization.slug
                )

            redirect_url = (
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings"
            )
            return HXRedirectResponse(request, redirect_url, 303)

        except ValidationError as e:
            validation_error = e

    # Prepare data for form rendering
    form_data = {
        "name": organization.name,
        "slug": organization.slug,
        "customer_invoice_prefix": organization.customer_invoice_prefix,
    }

    with modal("Edit Basic Settings", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Update organization name, slug, and customer invoice prefix")

        with UpdateOrganizationBasicForm.render(
            data=form_data,
            validation_error=validation_error,
            hx_post=str(
                request.url_for("organizations:edit", organization_id=organization_id)
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-details",
    name="organizations:edit_details",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_details(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization details (about, product description, intended use)."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        try:
            data = await request.form()
            form = UpdateOrganizationDetailsForm.model_validate_form(data)

            # Update organization with form data
            form_dict = form.model_dump(exclude_none=True)
            organization = await repository.update(
                organization,
                update_dict=form_dict,
            )
            redirect_url = (
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings"
            )
            return HXRedirectResponse(request, redirect_url, 303)

        except ValidationError as e:
            validation_error = e

    # Prepare data for form rendering
    form_data = {
        "email": organization.email,
        "website": organization.website,
        "details": organization.details or {},
    }

    with modal("Edit Organization Details", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Update organization email, website, and details")

        with UpdateOrganizationDetailsForm.render(
            data=form_data,
            validation_error=validation_error,
            hx_post=str(
                request.url_for(
                    "organizations:edit_details", organization_id=organization_id
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-order-settings",
    name="organizations:edit_order_settings",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_order_settings(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization order settings."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        data = await request.form()
        updated_order_settings = {
            **organization.order_settings,
            "invoice_numbering": data.get("invoice_numbering", "organization"),
        }
        await repository.update(
            organization, update_dict={"order_settings": updated_order_settings}
        )
        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            )
            + "?section=settings",
            303,
        )

    current = organization.order_settings.get("invoice_numbering", "organization")

    with modal("Edit Order Settings", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Configure how invoice numbers are generated")

        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:edit_order_settings",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            with tag.div(classes="space-y-3"):
                for value, label, desc in [
                    (
                        "organization",
                        "Organization-wide",
                        "Sequential numbering across all customers",
                    ),
                    ("customer", "Per-customer", "Separate numbering per customer"),
                ]:
                    with tag.label(
                        classes="label cursor-pointer justify-start gap-3 p-3 border border-base-300 rounded-lg hover:bg-base-200"
                    ):
                        with tag.input(
                            type="radio",
                            name="invoice_numbering",
                            value=value,
                            classes="radio radio-sm",
                            **{"checked": ""} if current == value else {},
                        ):
                            pass
                        with tag.div():
                            with tag.div(classes="font-semibold text-sm"):
                                text(label)
                            with tag.div(classes="text-xs text-base-content/60"):
                                text(desc)

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(type="submit", variant="primary"):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-rate-limit-group",
    name="organizations:edit_rate_limit_group",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_rate_limit_group(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization rate limit group."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error: ValidationError | None = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = UpdateRateLimitGroupForm.model_validate_form(data)
            await repository.update(
                organization,
                update_dict={"rate_limit_group": form.rate_limit_group},
            )
            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings",
                303,
            )
        except ValidationError as e:
            validation_error = e

    with modal("Edit Rate Limit Group", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Configure which rate limit group applies to this organization")

        with UpdateRateLimitGroupForm.render(
            data={"rate_limit_group": organization.rate_limit_group.value},
            validation_error=validation_error,
            hx_post=str(
                request.url_for(
                    "organizations:edit_rate_limit_group",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="flex flex-col",
        ):
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(type="submit", variant="primary"):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-socials",
    name="organizations:edit_socials",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_socials(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization social media links."""
    # Platform name constants for consistency
    PLATFORM_YOUTUBE = "youtube"
    PLATFORM_INSTAGRAM = "instagram"
    PLATFORM_LINKEDIN = "linkedin"
    PLATFORM_X = "x"
    PLATFORM_FACEBOOK = "facebook"
    PLATFORM_THREADS = "threads"
    PLATFORM_TIKTOK = "tiktok"
    PLATFORM_GITHUB = "github"
    PLATFORM_DISCORD = "discord"
    PLATFORM_OTHER = "other"

    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        try:
            data = await request.form()
            form = UpdateOrganizationSocialsForm.model_validate_form(data)

            # Build socials list from form data
            socials: list[dict[str, str]] = []
            if form.youtube_url:
                socials.append(
                    {"platform": PLATFORM_YOUTUBE, "url": str(form.youtube_url)}
                )
            if form.instagram_url:
                socials.append(
                    {"platform": PLATFORM_INSTAGRAM, "url": str(form.instagram_url)}
                )
            if form.linkedin_url:
                socials.append(
                    {"platform": PLATFORM_LINKEDIN, "url": str(form.linkedin_url)}
                )
            if form.x_url:
                socials.append({"platform": PLATFORM_X, "url": str(form.x_url)})
            if form.facebook_url:
                socials.append(
                    {"platform": PLATFORM_FACEBOOK, "url": str(form.facebook_url)}
                )
            if form.threads_url:
                socials.append(
                    {"platform": PLATFORM_THREADS, "url": str(form.threads_url)}
                )
            if form.tiktok_url:
                socials.append(
                    {"platform": PLATFORM_TIKTOK, "url": str(form.tiktok_url)}
                )
            if form.github_url:
                socials.append(
                    {"platform": PLATFORM_GITHUB, "url": str(form.github_url)}
                )
            if form.discord_url:
                socials.append(
                    {"platform": PLATFORM_DISCORD, "url": str(form.discord_url)}
                )
            if form.other_url:
                socials.append({"platform": PLATFORM_OTHER, "url": str(form.other_url)})

            # Update organization with new socials
            organization = await repository.update(
                organization,
                update_dict={"socials": socials},
            )
            redirect_url = (
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings"
            )
            return HXRedirectResponse(request, redirect_url, 303)

        except ValidationError as e:
            validation_error = e

    # Prepare data for form rendering - extract URLs from existing socials
    existing_socials = organization.socials or []
    form_data: dict[str, str | None] = {
        "youtube_url": None,
        "instagram_url": None,
        "linkedin_url": None,
        "x_url": None,
        "facebook_url": None,
        "threads_url": None,
        "tiktok_url": None,
        "github_url": None,
        "discord_url": None,
        "other_url": None,
    }
    for social in existing_socials:
        platform = social.get("platform", "").lower()
        url = social.get("url", "")
        if platform == PLATFORM_YOUTUBE:
            form_data["youtube_url"] = url
        elif platform == PLATFORM_INSTAGRAM:
            form_data["instagram_url"] = url
        elif platform == PLATFORM_LINKEDIN:
            form_data["linkedin_url"] = url
        elif platform == PLATFORM_X:
            form_data["x_url"] = url
        elif platform == PLATFORM_FACEBOOK:
            form_data["facebook_url"] = url
        elif platform == PLATFORM_THREADS:
            form_data["threads_url"] = url
        elif platform == PLATFORM_TIKTOK:
            form_data["tiktok_url"] = url
        elif platform == PLATFORM_GITHUB:
            form_data["github_url"] = url
        elif platform == PLATFORM_DISCORD:
            form_data["discord_url"] = url
        elif platform == PLATFORM_OTHER:
            form_data["other_url"] = url

    with modal("Edit Social Media Links", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Update organization social media links for creator outreach")

        with UpdateOrganizationSocialsForm.render(
            data=form_data,
            validation_error=validation_error,
            hx_post=str(
                request.url_for(
                    "organizations:edit_socials", organization_id=organization_id
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-features",
    name="organizations:edit_features",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_features(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization feature flags."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        try:
            data = await request.form()

            # Parse boolean feature flags from form data
            feature_flags: dict[str, bool] = {}
            for (
                field_name,
                field_info,
            ) in OrganizationFeatureSettings.model_fields.items():
                if field_info.annotation is bool:
                    feature_flags[field_name] = field_name in data

            # Merge with existing feature_settings
            old_member_model = organization.feature_settings.get(
                "member_model_enabled", False
            )
            updated_feature_settings = {
                **organization.feature_settings,
                **feature_flags,
            }

            update_dict: dict[str, Any] = {"feature_settings": updated_feature_settings}
            # Enforcement outliving SSO would strand the organization: no SSO
            # session can be minted, and enforcement hides it from every other one.
            if not updated_feature_settings.get("sso_enabled", False):
                update_dict["sso_enforced"] = False

            # Update organization
            organization = await repository.update(
                organization,
                update_dict=update_dict,
            )

            # Trigger backfill when member_model transitions False → True
            new_member_model = updated_feature_settings.get(
                "member_model_enabled", False
            )
            if not old_member_model and new_member_model:
                enqueue_job(
                    "organization.backfill_members",
                    organization_id=organization.id,
                )
            redirect_url = (
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings"
            )
            return HXRedirectResponse(request, redirect_url, 303)

        except ValidationError as e:
            validation_error = e

    # Render feature flags form
    with modal("Edit Feature Flags", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Enable or disable feature flags for this organization")

        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:edit_features", organization_id=organization_id
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Feature flags checkboxes (boolean fields only)
            with tag.div(classes="space-y-3"):
                for (
                    field_name,
                    field_info,
                ) in OrganizationFeatureSettings.model_fields.items():
                    if field_info.annotation is not bool:
                        continue
                    enabled = organization.feature_settings.get(field_name, False)
                    label = field_name.replace("_", " ").title()

                    with tag.div(classes="form-control"):
                        with tag.label(
                            classes="label cursor-pointer justify-start gap-3"
                        ):
                            with tag.input(
                                type="checkbox",
                                name=field_name,
                                classes="checkbox checkbox-sm",
                                **{"checked": ""} if enabled else {},
                            ):
                                pass
                            with tag.span(classes="label-text"):
                                text(label)

            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-checkout-settings",
    name="organizations:edit_checkout_settings",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_checkout_settings(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization checkout settings (e.g., require 3DS)."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        data = await request.form()

        # Parse checkout settings from form data
        checkout_settings = {
            "require_3ds": "require_3ds" in data,
        }

        # Merge with existing checkout_settings
        updated_checkout_settings = {
            **organization.checkout_settings,
            **checkout_settings,
        }

        # Update organization
        await repository.update(
            organization,
            update_dict={"checkout_settings": updated_checkout_settings},
        )

        redirect_url = (
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            )
            + "?section=settings"
        )
        return HXRedirectResponse(request, redirect_url, 303)

    # Render checkout settings form
    require_3ds = organization.checkout_require_3ds

    with modal("Edit Checkout Settings", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Configure checkout behavior for this organization")

        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:edit_checkout_settings",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Checkout settings checkboxes
            with tag.div(classes="space-y-3"):
                with tag.div(classes="form-control"):
                    with tag.label(classes="label cursor-pointer justify-start gap-3"):
                        with tag.input(
                            type="checkbox",
                            name="require_3ds",
                            classes="checkbox checkbox-sm",
                            **{"checked": ""} if require_3ds else {},
                        ):
                            pass
                        with tag.span(classes="label-text"):
                            text("Require 3DS on all checkouts")

            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/edit-account-settings",
    name="organizations:edit_account_settings",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_account_settings(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit organization account settings (e.g., payout_transaction_delay)."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(
        organization_id,
        include_blocked=True,
        options=(joinedload(Organization.account),),
    )
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error: ValidationError | None = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = UpdateAccountSettingsForm.model_validate_form(data)
            account_repository = AccountRepository.from_session(session)
            await account_repository.update(
                organization.account,
                update_dict={"payout_transaction_delay": form.payout_transaction_delay},
            )
            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=settings",
            )
        except ValidationError as e:
            validation_error = e

    timedelta_serializer = SchemaSerializer(core_schema.timedelta_schema())
    prefill_data = {
        "payout_transaction_delay": timedelta_serializer.to_python(
            organization.account.payout_transaction_delay, mode="json"
        )
    }

    with modal("Edit Account Settings", open=True):
        with UpdateAccountSettingsForm.render(
            data=prefill_data,
            hx_post=str(
                request.url_for(
                    "organizations:edit_account_settings",
                    organization_id=organization_id,
                )
            ),
            hx_target="#modal",
            validation_error=validation_error,
            classes="flex flex-col",
        ):
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(type="submit", variant="primary"):
                    text("Save Changes")

    return None


@router.api_route(
    "/{organization_id}/add-note",
    name="organizations:add_note",
    methods=["GET", "POST"],
    response_model=None,
)
async def add_note(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Add internal notes to an organization."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        try:
            data = await request.form()
            form = UpdateOrganizationInternalNotesForm.model_validate_form(data)
            organization = await repository.update(
                organization, update_dict=form.model_dump(exclude_none=True)
            )
            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

        except ValidationError as e:
            validation_error = e

    with modal("Add Internal Notes", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Add internal notes about this organization (admin only)")

        with UpdateOrganizationInternalNotesForm.render(
            data=organization,
            validation_error=validation_error,
            hx_post=str(
                request.url_for(
                    "organizations:add_note", organization_id=organization_id
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Notes")

    return None


@router.api_route(
    "/{organization_id}/edit-note",
    name="organizations:edit_note",
    methods=["GET", "POST"],
    response_model=None,
)
async def edit_note(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Edit internal notes for an organization."""
    repository = OrganizationRepository(session)

    # Fetch organization
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    validation_error = None

    if request.method == "POST":
        try:
            data = await request.form()
            form = UpdateOrganizationInternalNotesForm.model_validate_form(data)
            organization = await repository.update(
                organization, update_dict=form.model_dump(exclude_none=True)
            )
            return HXRedirectResponse(
                request,
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                ),
                303,
            )

        except ValidationError as e:
            validation_error = e

    with modal("Edit Internal Notes", open=True):
        with tag.p(classes="text-sm text-base-content/60 mb-4"):
            text("Update internal notes about this organization (admin only)")

        with UpdateOrganizationInternalNotesForm.render(
            data=organization,
            validation_error=validation_error,
            hx_post=str(
                request.url_for(
                    "organizations:edit_note", organization_id=organization_id
                )
            ),
            hx_target="#modal",
            classes="space-y-4",
        ):
            # Action buttons
            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Save Notes")

    return None


@router.post(
    "/{organization_id}/make-owner/{user_id}",
    name="organizations:make_owner",
)
async def make_owner(
    request: Request,
    organization_id: UUID4,
    user_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse:
    """Make a user the owner of the organization."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    try:
        await organization_service.change_owner(
            session, new_owner_id=user_id, organization_id=organization_id
        )
    except Exception as e:
        logger.error("Failed to make user owner", error=str(e))
        raise HTTPException(status_code=400, detail=str(e))

    redirect_url = (
        str(request.url_for("organizations:detail", organization_id=organization_id))
        + "?section=team"
    )
    return HXRedirectResponse(request, redirect_url, 303)


@router.delete(
    "/{organization_id}/remove-member/{user_id}",
    name="organizations:remove_member",
)
async def remove_member(
    request: Request,
    organization_id: UUID4,
    user_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse:
    """Remove a member from the organization."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Remove the user from the organization
    try:
        from polar.user_organization.service import (
            user_organization as user_organization_service,
        )

        await user_organization_service.remove_member(
            session,
            user_id=user_id,
            organization_id=organization.id,
        )
    except Exception as e:
        logger.error("Failed to remove member", error=str(e))
        raise HTTPException(status_code=400, detail=str(e))

    redirect_url = (
        str(request.url_for("organizations:detail", organization_id=organization_id))
        + "?section=team"
    )
    return HXRedirectResponse(request, redirect_url, 303)


@router.api_route(
    "/{organization_id}/delete-dialog",
    name="organizations:delete_dialog",
    methods=["GET", "POST"],
    response_model=None,
)
async def delete_dialog(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Delete organization dialog and action."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        await organization_service.soft_delete_organization(session, organization)

        return HXRedirectResponse(
            request,
            str(request.url_for("organizations:list")),
            303,
        )

    with modal(f"Delete Organization {organization.name}", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p(classes="font-semibold text-error"):
                text("Are you sure you want to delete this organization?")

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.p(classes="font-semibold mb-2"):
                    text("Deleting this organization DOES NOT:")
                with tag.ul(classes="list-disc list-inside space-y-1 text-sm"):
                    with tag.li():
                        text("Delete or anonymize users")
                    with tag.li():
                        text("Delete or anonymize the account")
                    with tag.li():
                        text(
                            "Delete customers, products, discounts, benefits, or checkouts"
                        )
                    with tag.li():
                        text("Revoke granted benefits")
                    with tag.li():
                        text("Remove API tokens")

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(
                    hx_post=str(
                        request.url_for(
                            "organizations:delete_dialog",
                            organization_id=organization_id,
                        )
                    ),
                ):
                    with button(variant="error", type="submit"):
                        text("Delete Organization")

    return None


@router.api_route(
    "/{organization_id}/setup-account",
    name="organizations:setup_account",
    methods=["GET", "POST"],
    response_model=None,
)
async def setup_account(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Show modal to setup a manual payment account."""
    repository = OrganizationRepository(session)

    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        data = await request.form()
        country = str(data.get("country", "US")).upper()

        owner_user = await repository.get_owner_user(organization)
        if owner_user is None:
            raise HTTPException(status_code=400, detail="Organization has no owner")

        await payout_account_service.create_manual_account(
            session, organization, owner_user, country=country, currency="usd"
        )

        await add_toast(
            request,
            f"Manual payout account created for {organization.name}",
            "success",
        )

        redirect_url = (
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            )
            + "?section=account"
        )
        return HXRedirectResponse(request, redirect_url, 303)

    # GET - Show modal
    form_action = str(
        request.url_for("organizations:setup_account", organization_id=organization_id)
    )
    with modal("Setup Manual Account", open=True):
        with tag.form(
            method="post",
            hx_post=form_action,
            hx_target="#modal",
            classes="space-y-4",
        ):
            with tag.p(classes="text-sm text-base-content/60"):
                text("This will create a manual payout account for this organization.")

            with tag.div(classes="alert alert-warning"):
                with tag.span(classes="text-sm"):
                    text(
                        "Manual accounts require manual payout processing and do not integrate with Stripe."
                    )

            with tag.div(classes="form-control w-full"):
                with tag.label(classes="label"):
                    with tag.span(classes="label-text font-semibold"):
                        text("Country")
                with tag.input(
                    type="text",
                    name="country",
                    value="US",
                    placeholder="2-letter country code (e.g. US, FR, GB)",
                    maxlength="2",
                    classes="input input-bordered w-full uppercase",
                    required=True,
                ):
                    pass

            with tag.div(classes="modal-action pt-6 border-t border-base-200"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Create Manual Account")

    return None


@router.post(
    "/{organization_id}/resync-stripe-account",
    name="organizations:resync_stripe_account",
    response_model=None,
)
async def resync_stripe_account(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse:
    repository = OrganizationRepository(session)
    organization = await repository.get_by_id_with_payout_account(organization_id)

    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    payout_account = organization.payout_account

    if payout_account is None:
        raise HTTPException(
            status_code=400, detail="Organization has no payout account"
        )

    if (
        payout_account.type != PayoutAccountType.stripe
        or payout_account.stripe_id is None
    ):
        raise HTTPException(
            status_code=400, detail="Payout account is not a Stripe account"
        )

    await payout_account_service.sync_from_stripe(session, payout_account)

    logger.info(
        "Stripe account resynced from backoffice",
        organization_id=str(organization_id),
        stripe_id=payout_account.stripe_id,
        admin_user_id=str(user_session.user_id),
    )

    await add_toast(request, "Account resynced from Stripe", variant="success")

    redirect_url = (
        str(request.url_for("organizations:detail", organization_id=organization_id))
        + "?section=account"
    )
    return HXRedirectResponse(request, redirect_url, 303)


@router.api_route(
    "/{organization_id}/delete-payout-account",
    name="organizations:delete_payout_account",
    methods=["GET", "POST"],
    response_model=None,
)
async def delete_payout_account(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Show modal to confirm and process payout account deletion."""
    repository = OrganizationRepository(session)
    organization = await repository.get_by_id_with_payout_account(
        organization_id, include_deleted=True
    )

    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if not organization.payout_account:
        raise HTTPException(
            status_code=400, detail="Organization has no payout account"
        )

    payout_account = organization.payout_account
    validation_error = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = DeletePayoutAccountForm.model_validate_form(data)

            account_type = payout_account.type
            stripe_id = payout_account.stripe_id

            await payout_account_service.delete(session, payout_account, unlink=True)

            timestamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            delete_note = (
                f"[{timestamp}] Payout account deleted.\nType: {account_type.value}\n"
            )
            if account_type == PayoutAccountType.stripe and stripe_id:
                delete_note += f"Stripe ID: {stripe_id}\n"
            delete_note += f"Reason: {form.reason.strip()}"

            if organization.internal_notes:
                organization.internal_notes = (
                    f"{organization.internal_notes}\n\n{delete_note}"
                )
            else:
                organization.internal_notes = delete_note

            session.add(organization)

            logger.info(
                "Payout account deleted from organization",
                organization_id=str(organization_id),
                account_type=account_type.value,
            )

            redirect_url = (
                str(
                    request.url_for(
                        "organizations:detail", organization_id=organization_id
                    )
                )
                + "?section=account"
            )
            return HXRedirectResponse(request, redirect_url, 303)

        except ValidationError as e:
            validation_error = e

    form_action = str(
        request.url_for(
            "organizations:delete_payout_account",
            organization_id=organization_id,
        )
    )
    modal_view = DeletePayoutAccountModal(payout_account, form_action, validation_error)
    with modal_view.render():
        pass

    return None


# =============================================================================
# Fee Credit Management Endpoints
# =============================================================================


@router.api_route(
    "/{organization_id}/grant-credit",
    name="organizations:grant_credit",
    methods=["GET", "POST"],
    response_model=None,
)
async def grant_credit(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Grant fee credits to an organization's account."""
    from datetime import datetime

    repository = OrganizationRepository(session)
    organization = await repository.get_by_id(
        organization_id, options=(joinedload(Organization.account),)
    )

    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    if request.method == "POST":
        form_data = await request.form()

        # Parse title (required)
        title = str(form_data.get("title", "")).strip()
        if not title:
            await add_toast(request, "Title is required", "error")
            return None

        # Parse amount (convert dollars to cents)
        try:
            amount_str = form_data.get("amount", "0")
            amount_dollars = float(str(amount_str))
            amount_cents = int(amount_dollars * 100)
        except ValueError, TypeError:
            amount_dollars = 0
            amount_cents = 0

        if amount_cents <= 0:
            await add_toast(request, "Amount must be greater than 0", "error")
            return None

        # Parse optional expiration date
        expires_at = None
        expires_str = form_data.get("expires_at")
        if expires_str:
            try:
                expires_at = datetime.fromisoformat(str(expires_str))
            except ValueError:
                pass

        notes = form_data.get("notes") or None

        # Create the credit
        await account_credit_service.grant(
            session,
            account=organization.account,
            amount=amount_cents,
            title=title,
            expires_at=expires_at,
            notes=str(notes) if notes else None,
            organization=organization,
        )

        await add_toast(
            request,
            f"Granted ${amount_dollars:.2f} in fee credits",
            "success",
        )

        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            )
            + "?section=account",
        )

    # GET: Show modal form
    with modal("Grant Fee Credit", open=True):
        with tag.form(
            hx_post=str(
                request.url_for(
                    "organizations:grant_credit", organization_id=organization_id
                )
            ),
        ):
            with tag.div(classes="space-y-4"):
                # Title field
                with tag.div():
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text"):
                            text("Title")
                    with tag.input(
                        type="text",
                        name="title",
                        placeholder="Fee Credit",
                        classes="input input-bordered w-full",
                        required=True,
                    ):
                        pass
                    with tag.div(classes="text-xs text-base-content/60 mt-1"):
                        text("Public title shown to the customer")

                # Amount field
                with tag.div():
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text"):
                            text("Amount (USD)")
                    with tag.input(
                        type="number",
                        name="amount",
                        step="0.01",
                        min="0.01",
                        placeholder="100.00",
                        classes="input input-bordered w-full",
                        required=True,
                    ):
                        pass
                    with tag.div(classes="text-xs text-base-content/60 mt-1"):
                        text("Enter amount in dollars (e.g., 100.00 for $100)")

                # Expiration date field
                with tag.div():
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text"):
                            text("Expires At (optional)")
                    with tag.input(
                        type="datetime-local",
                        name="expires_at",
                        classes="input input-bordered w-full",
                    ):
                        pass

                # Notes field
                with tag.div():
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text"):
                            text("Notes (optional)")
                    with tag.textarea(
                        name="notes",
                        placeholder="Reason for granting credit...",
                        classes="textarea textarea-bordered w-full",
                        rows="2",
                    ):
                        pass

            # Action buttons
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(variant="primary", type="submit"):
                    text("Grant Credit")

    return None


@router.api_route(
    "/{organization_id}/credits/{credit_id}/revoke",
    name="organizations:revoke_credit",
    methods=["GET", "POST"],
    response_model=None,
)
async def revoke_credit(
    request: Request,
    organization_id: UUID4,
    credit_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> HXRedirectResponse | None:
    """Revoke a fee credit."""
    repository = OrganizationRepository(session)
    organization = await repository.get_by_id(
        organization_id, options=(joinedload(Organization.account),)
    )

    if not organization:
        raise HTTPException(status_code=404, detail="Organization not found")

    # Get the credit
    credit_repository = AccountCreditRepository.from_session(session)
    credit = await credit_repository.get_by_id_and_account(
        credit_id, organization.account.id
    )

    if not credit:
        raise HTTPException(status_code=404, detail="Credit not found")

    if request.method == "POST":
        from polar.account_credit.service import CreditAlreadyRevokedError

        try:
            await account_credit_service.revoke(
                session, credit, account=organization.account
            )
            await add_toast(request, "Credit has been revoked", "success")
        except CreditAlreadyRevokedError:
            await add_toast(request, "Credit was already revoked", "warning")

        return HXRedirectResponse(
            request,
            str(
                request.url_for("organizations:detail", organization_id=organization_id)
            )
            + "?section=account",
        )

    # GET: Show confirmation modal
    remaining = credit.remaining
    with modal("Revoke Credit", open=True):
        with tag.div(classes="space-y-4"):
            with tag.p():
                text("Are you sure you want to revoke this credit?")

            with tag.div(classes="bg-base-200 p-4 rounded-lg"):
                with tag.div(classes="grid grid-cols-2 gap-2 text-sm"):
                    with tag.div(classes="text-base-content/60"):
                        text("Original Amount:")
                    with tag.div(classes="font-semibold"):
                        text(f"${credit.amount / 100:.2f}")
                    with tag.div(classes="text-base-content/60"):
                        text("Remaining Balance:")
                    with tag.div(classes="font-semibold text-error"):
                        text(f"${remaining / 100:.2f}")

            if remaining > 0:
                with tag.div(classes="alert alert-warning"):
                    with tag.span():
                        text(
                            f"This credit still has ${remaining / 100:.2f} remaining. "
                            "Revoking it will prevent further use."
                        )

        with tag.div(classes="modal-action"):
            with tag.form(method="dialog"):
                with button(ghost=True):
                    text("Cancel")
            with button(
                variant="error",
                hx_post=str(
                    request.url_for(
                        "organizations:revoke_credit",
                        organization_id=organization_id,
                        credit_id=credit_id,
                    )
                ),
            ):
                text("Revoke Credit")

    return None


@router.api_route(
    "/{organization_id}/import-orders",
    name="organizations:import_orders",
    methods=["GET", "POST"],
    dependencies=[Depends(get_admin)],
)
async def import_orders(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    repository = OrganizationRepository.from_session(session)
    organization = await repository.get_by_id(organization_id, include_deleted=True)

    if organization is None:
        raise HTTPException(status_code=404)

    validation_error: ValidationError | None = None
    if request.method == "POST":
        data = await request.form()
        try:
            form = OrganizationOrdersImportForm.model_validate_form(data)
            return EventSourceResponse(
                orders_import_sse(
                    session,
                    organization,
                    form.file,
                    invoice_number_prefix=form.invoice_number_prefix,
                )
            )
        except ValidationError as e:
            validation_error = e

    with modal("Import Orders", open=True):
        with OrganizationOrdersImportForm.render(
            {"invoice_number_prefix": "IMPORTED-"},
            action=str(request.url),
            method="POST",
            classes="flex flex-col",
            validation_error=validation_error,
            _="on submit halt the event then call formPostSSE(me, '#import-progress')",
        ):
            with tag.div(id="import-progress"):
                pass
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Import")


@router.api_route(
    "/{organization_id}/add-payment-method-domain",
    name="organizations:add_payment_method_domain",
    methods=["GET", "POST"],
    dependencies=[Depends(get_admin)],
)
async def add_payment_method_domain(
    request: Request,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    repository = OrganizationRepository.from_session(session)
    organization = await repository.get_by_id(organization_id)

    if organization is None:
        raise HTTPException(status_code=404)

    validation_error: ValidationError | None = None
    if request.method == "POST":
        data = await request.form()
        try:
            form = AddPaymentMethodDomainForm.model_validate_form(data)

            await stripe_service.create_payment_method_domain(form.domain_name)

            await add_toast(
                request,
                f"Successfully added {form.domain_name} to allowlist",
                variant="success",
            )
            return

        except ValidationError as e:
            validation_error = e
        except stripe_lib.InvalidRequestError as e:
            logger.error(
                "Invalid request to Stripe API",
                organization_id=organization_id,
                domain=data.get("domain_name"),
                error=str(e),
                error_code=e.code if hasattr(e, "code") else None,
            )
            error_message = (
                "Unable to add domain to allowlist. "
                "Please verify the domain and try again."
            )
            await add_toast(request, error_message, variant="error")

    with modal("Add Domain to Allowlist", open=True):
        with tag.p(classes="text-sm text-base-content-secondary mb-4"):
            text(
                "Add a custom domain to the Apple Pay / Google Pay allowlist. "
                "This allows these payment methods to appear in embeds on the specified domain."
            )

        with AddPaymentMethodDomainForm.render(
            {},
            hx_post=str(request.url),
            hx_target="#modal",
            classes="flex flex-col gap-4",
            validation_error=validation_error,
        ):
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    type="submit",
                    variant="primary",
                ):
                    text("Add Domain")


@router.api_route(
    "/{organization_id}/capabilities/{capability}",
    name="organizations:set_capability",
    methods=["GET", "POST"],
    response_model=None,
)
async def set_capability(
    request: Request,
    organization_id: UUID4,
    capability: str,
    value: bool,
    session: AsyncSession = Depends(get_db_session),
    user_session: UserSession = Depends(get_admin),
) -> HXRedirectResponse | None:
    """Render the capability override modal (GET) or apply it (POST)."""
    if capability not in CAPABILITY_NAMES:
        raise HTTPException(status_code=404, detail="Unknown capability")
    capability_name = cast(CapabilityName, capability)

    repository = OrganizationRepository(session)
    organization = await repository.get_by_id(organization_id, include_blocked=True)
    if organization is None:
        raise HTTPException(status_code=404, detail="Organization not found")

    current_value = organization.capabilities[capability_name]

    settings_url = str(
        request.url_for(
            "organizations:detail", organization_id=organization_id
        ).include_query_params(section="settings")
    )

    if current_value == value:
        state = "enabled" if value else "disabled"
        await add_toast(
            request,
            f"Capability '{capability_name}' is already {state}.",
            "error",
        )
        return HXRedirectResponse(request, settings_url, 303)

    label, _ = CAPABILITY_METADATA[capability_name]
    validation_error: ValidationError | None = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = SetCapabilityForm.model_validate_form(data)
            await organization_service.set_capability(
                session,
                organization,
                capability_name,
                value,
                reason=form.reason,
                admin_email=user_session.user.email,
            )

            action_word = "enabled" if value else "disabled"
            await add_toast(
                request,
                f"Capability '{label}' has been {action_word}.",
                "success",
            )
            return HXRedirectResponse(request, settings_url, 303)
        except ValidationError as e:
            validation_error = e

    form_action = str(
        request.url_for(
            "organizations:set_capability",
            organization_id=organization_id,
            capability=capability_name,
        ).include_query_params(value="true" if value else "false")
    )
    modal_view = SetCapabilityModal(
        organization,
        capability_name,
        label,
        value,
        form_action,
        validation_error,
    )
    with modal_view.render():
        pass

    return None


__all__ = ["router"]

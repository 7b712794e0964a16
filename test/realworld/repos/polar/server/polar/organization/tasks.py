import uuid
from typing import Any, cast

import structlog
from sqlalchemy import CursorResult, select
from sqlalchemy.orm import joinedload

from polar.customer.repository import CustomerRepository
from polar.email.schemas import (
    OrganizationOffboardedEmail,
    OrganizationOffboardedProps,
)
from polar.email.sender import enqueue_email_template
from polar.exceptions import PolarTaskError
from polar.integrations.plain.service import plain as plain_service
from polar.member.repository import MemberRepository
from polar.member.service import member_service
from polar.models import Customer, CustomerSeat, Organization
from polar.models.benefit_grant import BenefitGrant
from polar.models.customer_seat import SeatStatus
from polar.models.member import Member, MemberRole
from polar.models.organization import OrganizationStatus
from polar.postgres import AsyncSession
from polar.user.repository import UserRepository
from polar.user_organization.service import (
    user_organization as user_organization_service,
)
from polar.worker import (
    AsyncSessionMaker,
    CronTrigger,
    TaskPriority,
    actor,
    enqueue_job,
)

from .member_backfill import (
    downloadable_member_backfill_statement,
    license_key_member_backfill_statement,
)
from .repository import OrganizationRepository
from .service import organization as organization_service

log = structlog.get_logger()

_BACKFILL_BATCH_SIZE = 100


class OrganizationTaskError(PolarTaskError): ...


class OrganizationDoesNotExist(OrganizationTaskError):
    def __init__(self, organization_id: uuid.UUID) -> None:
        self.organization_id = organization_id
        message = f"The organization with id {organization_id} does not exist."
        super().__init__(message)


class AccountDoesNotExist(OrganizationTaskError):
    def __init__(self, account_id: uuid.UUID) -> None:
        self.account_id = account_id
        message = f"The account with id {account_id} does not exist."
        super().__init__(message)


class UserDoesNotExist(OrganizationTaskError):
    def __init__(self, user_id: uuid.UUID) -> None:
        self.user_id = user_id
        message = f"The user with id {user_id} does not exist."
        super().__init__(message)


@actor(actor_name="organization.created", priority=TaskPriority.LOW)
async def organization_created(organization_id: uuid.UUID) -> None:
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)


@actor(
    actor_name="organization.unsnooze_expired",
    cron_trigger=CronTrigger.from_crontab("0 * * * *"),
    priority=TaskPriority.LOW,
    max_retries=0,
)
async def organization_unsnooze_expired() -> None:
    """Auto-unsnooze TIME_BASED snoozed orgs whose deadline has passed."""
    async with AsyncSessionMaker() as session:
        await organization_service.unsnooze_expired_organizations(session)


@actor(
    actor_name="organization.offboard_expired",
    cron_trigger=CronTrigger.from_crontab("0 4 * * *"),
    priority=TaskPriority.LOW,
    max_retries=0,
)
async def organization_offboard_expired() -> None:
    """Enqueue a per-org job for each offboarding org past the wind-down floor."""
    async with AsyncSessionMaker() as session:
        await organization_service.offboard_expired_organizations(session)


@actor(
    actor_name="organization.offboard_expired_one",
    priority=TaskPriority.LOW,
)
async def organization_offboard_expired_one(organization_id: uuid.UUID) -> None:
    """Complete offboarding for one org if the chargeback window has also elapsed."""
    async with AsyncSessionMaker() as session:
        await organization_service.complete_expired_offboarding(
            session, organization_id
        )


@actor(
    actor_name="organization.cancel_expired_subscriptions",
    cron_trigger=CronTrigger.from_crontab("0 5 * * *"),
    priority=TaskPriority.LOW,
    max_retries=0,
)
async def organization_cancel_expired_subscriptions() -> None:
    """Cancel customer subscriptions of orgs denied/blocked/offboarded past the
    cancellation delay. Customers are not notified."""
    async with AsyncSessionMaker() as session:
        await organization_service.cancel_expired_organizations_subscriptions(session)


@actor(actor_name="organization.offboarded", priority=TaskPriority.LOW)
async def organization_offboarded(organization_id: uuid.UUID) -> None:
    """Notify an organization's members that it has been offboarded."""
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        # include_blocked: an admin may block the org between the offboard
        # transition and this task running; we still want to send the email.
        organization = await repository.get_by_id(organization_id, include_blocked=True)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        members = await user_organization_service.list_by_org(session, organization.id)
        for member in members:
            email = member.user.email
            if not email:
                continue
            enqueue_email_template(
                OrganizationOffboardedEmail(
                    props=OrganizationOffboardedProps(
                        email=email,
                        organization_name=organization.name,
                        account_url=organization.account_url,
                    )
                ),
                to_email_addr=email,
                subject=f"{organization.name} has been offboarded from Polar",
            )


def _check_threshold_debounce_key(account_id: uuid.UUID) -> str:
    return f"organization.check_threshold:{account_id}"


@actor(
    actor_name="organization.check_threshold",
    priority=TaskPriority.LOW,
    debounce_key=_check_threshold_debounce_key,
)
async def organization_check_threshold(account_id: uuid.UUID) -> None:
    """Refresh the cached ``total_balance`` for the organization owning
    ``account_id`` and re-evaluate the review threshold.

    Enqueued by the transaction layer after balance / reversal-balance rows
    are written, so the transaction service does not need to call into
    organization service logic synchronously.

    Debounced per-account: a single business event writes multiple balance
    rows (charge + platform fee + reversal fees) and each row enqueues this
    task, so the bursts collapse to one execution per debounce window. The
    concrete failure mode without this: when an order pushes ``total_balance``
    past ``next_review_threshold``, the concurrent check_threshold tasks all
    race past the unguarded ACTIVE→REVIEW transition and each spawns its own
    agent run.
    """
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_account(account_id)
        if organization is None:
            return
        await organization_service.check_review_threshold(session, organization)


@actor(actor_name="organization.under_review", priority=TaskPriority.LOW)
async def organization_under_review(organization_id: uuid.UUID) -> None:
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        is_auto_approve_eligible = organization.status == OrganizationStatus.REVIEW

        enqueue_job(
            "organization_review.run_agent",
            organization_id=organization_id,
            auto_approve_eligible=is_auto_approve_eligible,
        )
        enqueue_job(
            "organization.evaluate_website_risk",
            organization_id=organization_id,
        )


@actor(actor_name="organization.deletion_requested", priority=TaskPriority.HIGH)
async def organization_deletion_requested(
    organization_id: uuid.UUID,
    user_id: uuid.UUID,
    blocked_reasons: list[str],
) -> None:
    """Handle organization deletion request that requires support review."""
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        user_repository = UserRepository.from_session(session)
        user = await user_repository.get_by_id(user_id)
        if user is None:
            raise UserDoesNotExist(user_id)

        # Create Plain ticket for support handling
        await plain_service.create_organization_deletion_thread(
            session, organization, user, blocked_reasons
        )


@actor(
    actor_name="organization.backfill_members",
    priority=TaskPriority.LOW,
    time_limit=600_000,  # 10 min timeout
    max_retries=0,
)
async def backfill_members(organization_id: uuid.UUID) -> None:
    """
    Backfill members when member_model_enabled is turned on for an organization.

    Three steps:
    A. Create owner members for all customers without one
    B. Migrate active (non-revoked) seats to member model format
    C. Link existing benefit grants to the correct member (owner or seat)
    """
    # Validate organization and feature flag
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        if not organization.feature_settings.get("member_model_enabled", False):
            log.warning(
                "organization.backfill_members.skipped",
                reason="member_model_not_enabled",
                organization_id=str(organization_id),
            )
            return

    log.info(
        "organization.backfill_members.start",
        organization_id=str(organization_id),
    )

    # Each step runs in its own session/transaction so that:
    # - partial progress is preserved on failure (task is idempotent)
    # - DB connections are released between steps

    # Step A: Create owner members for all customers without one
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        owner_members_created = await _backfill_owner_members(session, organization)

    # Step B: Migrate active seats
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        seats_migrated, orphaned_customer_ids = await _backfill_seats(
            session, organization
        )

    # Step C: Link benefit grants to correct members (owner or seat)
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        grants_linked = await _backfill_benefit_grants(session, organization)

    # Step D: Soft-delete orphaned seat-holder customers
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        customers_deleted = await _cleanup_orphaned_seat_customers(
            session, organization, orphaned_customer_ids
        )

    # Step E: Link license keys and downloadables to their grant's member
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        license_keys_linked, downloadables_linked = await _backfill_benefit_records(
            session, organization
        )

    log.info(
        "organization.backfill_members.complete",
        organization_id=str(organization_id),
        owner_members_created=owner_members_created,
        seats_migrated=seats_migrated,
        grants_linked=grants_linked,
        customers_deleted=customers_deleted,
        license_keys_linked=license_keys_linked,
        downloadables_linked=downloadables_linked,
    )


async def _backfill_owner_members(
    session: AsyncSession,
    organization: Organization,
) -> int:
    """Step A: Create owner members for all customers that don't have one."""
    # Find customers without an owner member
    statement = (
        select(Customer)
        .outerjoin(
            Member,
            (Customer.id == Member.customer_id)
            & (Member.role == MemberRole.owner)
            & (~Member.is_deleted),
        )
        .where(
            Customer.organization_id == organization.id,
            ~Customer.is_deleted,
            Member.id.is_(None),
        )
    )
    results = await session.stream_scalars(
        statement,
        execution_options={"yield_per": _BACKFILL_BATCH_SIZE},
    )

    customers_found = 0
    count = 0
    try:
        async for customer in results:
            customers_found += 1
            member = await member_service.create_owner_member(
                session, customer, organization, send_webhook=False
            )
            if member is not None:
                if customer._oauth_accounts:
                    member._oauth_accounts = {**customer._oauth_accounts}
                count += 1
            if count > 0 and count % _BACKFILL_BATCH_SIZE == 0:
                await session.flush()
    finally:
        await results.close()

    await session.flush()

    log.info(
        "organization.backfill_members.step_a_complete",
        organization_id=str(organization.id),
        customers_found=customers_found,
        members_created=count,
    )
    return count


async def _backfill_seats(
    session: AsyncSession,
    organization: Organization,
) -> tuple[int, set[uuid.UUID]]:
    """Step B: Migrate active (non-revoked) seats to member model format.

    Returns:
        Tuple of (seats_migrated, orphaned_customer_ids) where orphaned_customer_ids
        are seat-holder customers whose seats were migrated to a billing customer.
    """
    from polar.models import Order, Product, Subscription
    from polar.models.customer import CustomerType

    member_repository = MemberRepository.from_session(session)
    customer_repo = CustomerRepository.from_session(session)

    # Lazy cache of customer_id → owner member
    owner_members_map: dict[uuid.UUID, Member] = {}

    async def _get_owner_member(customer_id: uuid.UUID) -> Member | None:
        if customer_id not in owner_members_map:
            owner = await member_repository.get_owner_by_customer_id(customer_id)
            if owner is not None:
                owner_members_map[customer_id] = owner
        return owner_members_map.get(customer_id)

    # Find non-revoked seats for this organization's products.
    # We need to join through subscription/order → product to filter by organization.
    # joinedload requires unique() which is incompatible with streaming,
    # so we use LIMIT/OFFSET batch pagination instead.
    sub_seats_stmt = (
        select(CustomerSeat)
        .join(Subscription, CustomerSeat.subscription_id == Subscription.id)
        .join(Product, Subscription.product_id == Product.id)
        .options(
            joinedload(CustomerSeat.subscription),
        )
        .where(
            Product.organization_id == organization.id,
            CustomerSeat.status != SeatStatus.revoked,
            CustomerSeat.subscription_id.is_not(None),
            CustomerSeat.member_id.is_(None),
        )
        .order_by(CustomerSeat.id)
    )
    order_seats_stmt = (
        select(CustomerSeat)
        .join(Order, CustomerSeat.order_id == Order.id)
        .join(Product, Order.product_id == Product.id)
        .options(
            joinedload(CustomerSeat.order),
        )
        .where(
            Product.organization_id == organization.id,
            CustomerSeat.status != SeatStatus.revoked,
            CustomerSeat.order_id.is_not(None),
            CustomerSeat.member_id.is_(None),
        )
        .order_by(CustomerSeat.id)
    )

    seats_found = 0
    count = 0
    orphaned_customer_ids: set[uuid.UUID] = set()
    billing_customer_ids_with_seats: set[uuid.UUID] = set()

    for base_stmt in [sub_seats_stmt, order_seats_stmt]:
        offset = 0
        while True:
            batch_stmt = base_stmt.limit(_BACKFILL_BATCH_SIZE).offset(offset)
            result = await session.execute(batch_stmt)
            seats = list(result.scalars().unique().all())
            if not seats:
                break
            seats_found += len(seats)
            offset += _BACKFILL_BATCH_SIZE

            for seat in seats:
                if seat.subscription_id is not None and seat.subscription is not None:
                    billing_customer_id = seat.subscription.customer_id
                elif seat.order_id is not None and seat.order is not None:
                    billing_customer_id = seat.order.customer_id
                else:
                    continue
                old_seat_customer_id = seat.customer_id

                if old_seat_customer_id == billing_customer_id:
                    # Billing manager's own seat → use their owner member
                    owner_member = await _get_owner_member(billing_customer_id)
                    if owner_member is None:
                        continue
                    seat.member_id = owner_member.id
                    seat.email = owner_member.email
                elif old_seat_customer_id is not None:
                    # Someone else holds this seat → create member, track orphan
                    seat_holder = await customer_repo.get_by_id(old_seat_customer_id)
                    email = seat_holder.email if seat_holder else seat.email
                    if not email:
                        continue
                    member = await _get_or_create_member_for_backfill(
                        session,
                        member_repository,
                        billing_customer_id,
                        organization.id,
                        email,
                    )
                    seat.member_id = member.id
                    seat.email = email
                    orphaned_customer_ids.add(old_seat_customer_id)
                    if seat_holder and seat_holder._oauth_accounts:
                        member._oauth_accounts = {**seat_holder._oauth_accounts}
                elif seat.email:
                    # No customer assigned yet (pending invite) → create member
                    member = await _get_or_create_member_for_backfill(
                        session,
                        member_repository,
                        billing_customer_id,
                        organization.id,
                        seat.email,
                    )
                    seat.member_id = member.id
                # else: no customer and no email — just set customer_id below

                seat.customer_id = billing_customer_id
                billing_customer_ids_with_seats.add(billing_customer_id)
                count += 1

            await session.flush()

    # Set billing customers with seats to team type
    for billing_cid in billing_customer_ids_with_seats:
        billing_customer = await customer_repo.get_by_id(billing_cid)
        if billing_customer is not None and billing_customer.type != CustomerType.team:
            billing_customer.type = CustomerType.team
    await session.flush()

    log.info(
        "organization.backfill_members.step_b_complete",
        organization_id=str(organization.id),
        seats_found=seats_found,
        seats_migrated=count,
        orphaned_customers=len(orphaned_customer_ids),
    )
    return count, orphaned_customer_ids


async def _get_or_create_member_for_backfill(
    session: AsyncSession,
    member_repository: MemberRepository,
    billing_customer_id: uuid.UUID,
    organization_id: uuid.UUID,
    email: str,
) -> Member:
    """Get or create a member under the billing customer for seat backfill."""
    return await member_service.get_or_create_by_email(
        session,
        customer_id=billing_customer_id,
        organization_id=organization_id,
        email=email,
    )


async def _transfer_benefit_records(
    session: AsyncSession,
    old_customer_id: uuid.UUID,
    new_customer_id: uuid.UUID,
    new_member_id: uuid.UUID,
    benefit_ids: set[uuid.UUID],
) -> None:
    """Transfer benefit-specific records (license keys, downloadables)
    from the old customer to the new billing customer and member."""
    from polar.models.downloadable import Downloadable
    from polar.models.license_key import LicenseKey

    # Transfer license keys
    lk_stmt = select(LicenseKey).where(
        LicenseKey.customer_id == old_customer_id,
        LicenseKey.benefit_id.in_(benefit_ids),
    )
    lk_result = await session.execute(lk_stmt)
    for lk in lk_result.scalars().all():
        lk.customer_id = new_customer_id
        lk.member_id = new_member_id

    # Transfer downloadables
    dl_stmt = select(Downloadable).where(
        Downloadable.customer_id == old_customer_id,
        Downloadable.benefit_id.in_(benefit_ids),
    )
    dl_result = await session.execute(dl_stmt)
    for dl in dl_result.scalars().all():
        dl.customer_id = new_customer_id
        dl.member_id = new_member_id


async def _backfill_benefit_grants(
    session: AsyncSession,
    organization: Organization,
) -> int:
    """Step C: Link existing benefit grants to the correct member.

    Also transfers grants that belong to old seat-holder customers:
    if a grant's customer_id differs from the subscription/order's billing
    customer, the grant (and its benefit records) are transferred to the
    billing customer before linking.
    """
    from polar.models import Order, Subscription

    member_repository = MemberRepository.from_session(session)

    # Find grants without member_id for this organization's customers
    statement = (
        select(BenefitGrant)
        .join(Customer, BenefitGrant.customer_id == Customer.id)
        .where(
            Customer.organization_id == organization.id,
            BenefitGrant.member_id.is_(None),
            ~BenefitGrant.is_deleted,
        )
    )
    results = await session.stream_scalars(
        statement,
        execution_options={"yield_per": _BACKFILL_BATCH_SIZE},
    )

    # Lazy caches
    owner_members_map: dict[uuid.UUID, Member] = {}
    billing_customer_cache: dict[uuid.UUID, uuid.UUID] = {}

    async def _get_billing_customer_id(grant: BenefitGrant) -> uuid.UUID | None:
        """Look up the billing customer for a grant's subscription/order."""
        scope_id = grant.subscription_id or grant.order_id
        if scope_id is None:
            return None
        if scope_id in billing_customer_cache:
            return billing_customer_cache[scope_id]
        if grant.subscription_id is not None:
            cid = await session.scalar(
                select(Subscription.customer_id).where(
                    Subscription.id == grant.subscription_id
                )
            )
        else:
            cid = await session.scalar(
                select(Order.customer_id).where(Order.id == grant.order_id)
            )
        if cid is not None:
            billing_customer_cache[scope_id] = cid
        return cid

    grants_found = 0
    count = 0
    duplicates_deleted = 0
    try:
        async for grant in results:
            grants_found += 1

            # Check if grant belongs to an old seat-holder customer
            billing_customer_id = await _get_billing_customer_id(grant)
            needs_transfer = (
                billing_customer_id is not None
                and grant.customer_id != billing_customer_id
            )
            old_customer_id = grant.customer_id if needs_transfer else None
            if needs_transfer:
                assert billing_customer_id is not None
                grant.customer_id = billing_customer_id

            # Link to seat member or owner member
            target_member_id: uuid.UUID | None = None
            seat_member_id = await _find_seat_member_for_grant(
                session,
                member_repository,
                grant,
                billing_customer_id=billing_customer_id,
                old_customer_id=old_customer_id,
            )
            if seat_member_id is not None:
                target_member_id = seat_member_id
            else:
                if grant.customer_id not in owner_members_map:
                    owner = await member_repository.get_owner_by_customer_id(
                        grant.customer_id
                    )
                    if owner is not None:
                        owner_members_map[grant.customer_id] = owner
                owner = owner_members_map.get(grant.customer_id)
                if owner is not None:
                    target_member_id = owner.id

            if target_member_id is not None:
                # Check for an existing grant with the same unique key
                # to avoid violating the benefit_grants_smb_key constraint
                existing_id = await session.scalar(
                    select(BenefitGrant.id).where(
                        BenefitGrant.subscription_id == grant.subscription_id,
                        BenefitGrant.member_id == target_member_id,
                        BenefitGrant.benefit_id == grant.benefit_id,
                        BenefitGrant.id != grant.id,
                        ~BenefitGrant.is_deleted,
                    )
                )
                if existing_id is not None:
                    if grant.order_id is not None:
                        # One-off order — each purchase is distinct, keep both
                        grant.member_id = target_member_id
                        count += 1
                    else:
                        # The existing member-linked grant is the one the system
                        # actively manages. The old unlinked grant is stale
                        # (e.g. never revoked because it had no member_id when
                        # the cancellation flow ran post-migration).
                        # Keep the existing grant, but carry over any properties
                        # the old grant had (e.g. file refs, license keys).
                        existing_grant = await session.get(BenefitGrant, existing_id)
                        assert existing_grant is not None
                        if grant.properties and not existing_grant.properties:
                            existing_grant.properties = grant.properties
                        grant.set_deleted_at()
                        duplicates_deleted += 1
                else:
                    grant.member_id = target_member_id
                    count += 1

            # Transfer benefit records now that we know the member
            if needs_transfer and grant.member_id is not None:
                assert old_customer_id is not None
                assert billing_customer_id is not None
                await _transfer_benefit_records(
                    session,
                    old_customer_id,
                    billing_customer_id,
                    grant.member_id,
                    {grant.benefit_id},
                )

            if (count + duplicates_deleted) > 0 and (
                count + duplicates_deleted
            ) % _BACKFILL_BATCH_SIZE == 0:
                await session.flush()
    finally:
        await results.close()

    await session.flush()

    log.info(
        "organization.backfill_members.step_c_complete",
        organization_id=str(organization.id),
        grants_found=grants_found,
        grants_linked=count,
        duplicates_deleted=duplicates_deleted,
    )
    return count


async def _find_seat_member_for_grant(
    session: AsyncSession,
    member_repository: MemberRepository,
    grant: BenefitGrant,
    billing_customer_id: uuid.UUID | None,
    old_customer_id: uuid.UUID | None,
) -> uuid.UUID | None:
    """Find the seat member for a grant, if the grant is seat-based.

    Returns the member_id from the matching CustomerSeat, or None if the
    grant is not seat-based (i.e. the customer purchased directly).

    For transferred grants (old_customer_id is set), we look up the member
    by the seat-holder's email rather than querying CustomerSeat directly,
    because step B already migrated seat.customer_id to the billing customer
    — so a subscription with multiple seats would return multiple rows.
    """
    if old_customer_id is not None and billing_customer_id is not None:
        # Transferred grant: find member via seat-holder customer email
        seat_holder = await session.get(Customer, old_customer_id)
        if seat_holder is not None and seat_holder.email:
            member = await member_repository.get_by_customer_id_and_email(
                billing_customer_id, seat_holder.email
            )
            if member is not None:
                return member.id
        return None

    # Non-transferred grant: single-seat lookup is safe
    if grant.subscription_id is not None:
        stmt = (
            select(CustomerSeat.member_id)
            .where(
                CustomerSeat.subscription_id == grant.subscription_id,
                CustomerSeat.member_id.is_not(None),
                CustomerSeat.status != SeatStatus.revoked,
            )
            .limit(1)
        )
    elif grant.order_id is not None:
        stmt = (
            select(CustomerSeat.member_id)
            .where(
                CustomerSeat.order_id == grant.order_id,
                CustomerSeat.member_id.is_not(None),
                CustomerSeat.status != SeatStatus.revoked,
            )
            .limit(1)
        )
    else:
        return None

    result = await session.execute(stmt)
    return result.scalar_one_or_none()


async def _cleanup_orphaned_seat_customers(
    session: AsyncSession,
    organization: Organization,
    orphaned_customer_ids: set[uuid.UUID],
) -> int:
    """Step D: Soft-delete seat-holder customers that have no subscriptions or orders."""
    from polar.models import Order, Subscription

    if not orphaned_customer_ids:
        return 0

    customer_repo = CustomerRepository.from_session(session)
    member_repository = MemberRepository.from_session(session)

    count = 0
    for customer_id in orphaned_customer_ids:
        customer = await customer_repo.get_by_id(customer_id)
        if customer is None or customer.is_deleted:
            continue

        # Check if customer has any subscriptions
        sub_stmt = (
            select(Subscription.id)
            .where(
                Subscription.customer_id == customer_id,
            )
            .limit(1)
        )
        sub_result = await session.execute(sub_stmt)
        if sub_result.scalar_one_or_none() is not None:
            continue

        # Check if customer has any orders
        order_stmt = (
            select(Order.id)
            .where(
                Order.customer_id == customer_id,
            )
            .limit(1)
        )
        order_result = await session.execute(order_stmt)
        if order_result.scalar_one_or_none() is not None:
            continue

        # Soft-delete members first (FK restrict on customer_id)
        members = await member_repository.list_by_customer(customer_id)
        for member in members:
            await member_repository.soft_delete(member)

        await customer_repo.soft_delete(customer)
        count += 1

    await session.flush()

    log.info(
        "organization.backfill_members.step_d_complete",
        organization_id=str(organization.id),
        orphaned_candidates=len(orphaned_customer_ids),
        customers_deleted=count,
    )
    return count


async def _backfill_benefit_records(
    session: AsyncSession,
    organization: Organization,
) -> tuple[int, int]:
    """Link license keys and downloadables to their grant's member (Step C only covers transfers)."""
    lk_result = cast(
        "CursorResult[Any]",
        await session.execute(license_key_member_backfill_statement(organization.id)),
    )
    dl_result = cast(
        "CursorResult[Any]",
        await session.execute(downloadable_member_backfill_statement(organization.id)),
    )
    await session.flush()

    log.info(
        "organization.backfill_members.step_e_complete",
        organization_id=str(organization.id),
        license_keys_linked=lk_result.rowcount,
        downloadables_linked=dl_result.rowcount,
    )
    return lk_result.rowcount, dl_result.rowcount


# ---------------------------------------------------------------------------
# Phase 0B: Non-destructive prepare (run before member_model_enabled flip)
# ---------------------------------------------------------------------------

_PREPARE_BATCH_SIZE = 100


@actor(
    actor_name="organization.prepare_members",
    priority=TaskPriority.LOW,
    time_limit=600_000,  # 10 min timeout
    max_retries=0,
)
async def prepare_members(organization_id: uuid.UUID) -> None:
    """
    Non-destructive version of backfill_members.

    Populates member_id/email on seats and grants without changing customer_id,
    deleting customers, or flipping any flags. Safe to run on seat-based orgs
    that haven't enabled member_model_enabled yet.

    Three steps:
    A. Create owner members for all customers without one
    B. Populate member_id and email on active seats (no customer_id change)
    C. Populate member_id on benefit grants (no customer_id change, no transfers)
    """
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        if not organization.feature_settings.get("seat_based_pricing_enabled", False):
            log.warning(
                "organization.prepare_members.skipped",
                reason="seat_based_pricing_not_enabled",
                organization_id=str(organization_id),
            )
            return

    log.info(
        "organization.prepare_members.start",
        organization_id=str(organization_id),
    )

    # Step A: Create owner members for all customers without one
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        owner_members_created = await _backfill_owner_members(session, organization)

    # Step B: Populate member_id and email on seats (no customer_id change)
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        seats_prepared = await _prepare_seats(session, organization)

    # Step C: Populate member_id on grants (no customer_id change, no transfers)
    async with AsyncSessionMaker() as session:
        organization = await OrganizationRepository.from_session(session).get_by_id(
            organization_id
        )
        assert organization is not None
        grants_linked = await _prepare_benefit_grants(session, organization)

    # NO Step D — no customer deletion

    log.info(
        "organization.prepare_members.complete",
        organization_id=str(organization_id),
        owner_members_created=owner_members_created,
        seats_prepared=seats_prepared,
        grants_linked=grants_linked,
    )


async def _prepare_seats(
    session: AsyncSession,
    organization: Organization,
) -> int:
    """Populate member_id and email on active seats.

    Unlike _backfill_seats(), this does NOT change seat.customer_id
    or set customer.type = team. It only adds member references
    so merchants can start reading them during Phase 1.
    """
    from polar.models import Order, Product, Subscription

    member_repository = MemberRepository.from_session(session)
    customer_repo = CustomerRepository.from_session(session)

    # Lazy cache of customer_id → owner member
    owner_members_map: dict[uuid.UUID, Member] = {}

    async def _get_owner_member(customer_id: uuid.UUID) -> Member | None:
        if customer_id not in owner_members_map:
            owner = await member_repository.get_owner_by_customer_id(customer_id)
            if owner is not None:
                owner_members_map[customer_id] = owner
        return owner_members_map.get(customer_id)

    sub_seats_stmt = (
        select(CustomerSeat)
        .join(Subscription, CustomerSeat.subscription_id == Subscription.id)
        .join(Product, Subscription.product_id == Product.id)
        .options(
            joinedload(CustomerSeat.subscription),
        )
        .where(
            Product.organization_id == organization.id,
            CustomerSeat.status != SeatStatus.revoked,
            CustomerSeat.subscription_id.is_not(None),
            CustomerSeat.member_id.is_(None),
        )
        .order_by(CustomerSeat.id)
    )
    order_seats_stmt = (
        select(CustomerSeat)
        .join(Order, CustomerSeat.order_id == Order.id)
        .join(Product, Order.product_id == Product.id)
        .options(
            joinedload(CustomerSeat.order),
        )
        .where(
            Product.organization_id == organization.id,
            CustomerSeat.status != SeatStatus.revoked,
            CustomerSeat.order_id.is_not(None),
            CustomerSeat.member_id.is_(None),
        )
        .order_by(CustomerSeat.id)
    )

    seats_found = 0
    count = 0

    for base_stmt in [sub_seats_stmt, order_seats_stmt]:
        offset = 0
        while True:
            batch_stmt = base_stmt.limit(_PREPARE_BATCH_SIZE).offset(offset)
            result = await session.execute(batch_stmt)
            seats = list(result.scalars().unique().all())
            if not seats:
                break
            seats_found += len(seats)
            offset += _PREPARE_BATCH_SIZE

            for seat in seats:
                if seat.subscription_id is not None and seat.subscription is not None:
                    billing_customer_id = seat.subscription.customer_id
                elif seat.order_id is not None and seat.order is not None:
                    billing_customer_id = seat.order.customer_id
                else:
                    continue
                old_seat_customer_id = seat.customer_id

                if old_seat_customer_id == billing_customer_id:
                    # Billing manager's own seat → use their owner member
                    owner_member = await _get_owner_member(billing_customer_id)
                    if owner_member is None:
                        continue
                    seat.member_id = owner_member.id
                    seat.email = owner_member.email
                elif old_seat_customer_id is not None:
                    # Someone else holds this seat → create member under billing customer
                    seat_holder = await customer_repo.get_by_id(old_seat_customer_id)
                    email = seat_holder.email if seat_holder else seat.email
                    if not email:
                        continue
                    member = await _get_or_create_member_for_backfill(
                        session,
                        member_repository,
                        billing_customer_id,
                        organization.id,
                        email,
                    )
                    seat.member_id = member.id
                    seat.email = email
                    if seat_holder and seat_holder._oauth_accounts:
                        member._oauth_accounts = {**seat_holder._oauth_accounts}
                elif seat.email:
                    # No customer assigned yet (pending invite) → create member
                    member = await _get_or_create_member_for_backfill(
                        session,
                        member_repository,
                        billing_customer_id,
                        organization.id,
                        seat.email,
                    )
                    seat.member_id = member.id
                # NOTE: Unlike _backfill_seats(), we do NOT change seat.customer_id

                count += 1

            await session.flush()

    log.info(
        "organization.prepare_members.step_b_complete",
        organization_id=str(organization.id),
        seats_found=seats_found,
        seats_prepared=count,
    )
    return count


async def _prepare_benefit_grants(
    session: AsyncSession,
    organization: Organization,
) -> int:
    """Populate member_id on benefit grants.

    Unlike _backfill_benefit_grants(), this does NOT change grant.customer_id
    or transfer license keys/downloadables. It only links grants to members
    so merchants can read grant.member in API responses and webhooks.

    Since seat.customer_id is unchanged (prepare didn't rewrite it), we can
    match seats by customer_id + subscription/order to find the right member.
    """
    member_repository = MemberRepository.from_session(session)

    # Find grants without member_id for this organization's customers
    statement = (
        select(BenefitGrant)
        .join(Customer, BenefitGrant.customer_id == Customer.id)
        .where(
            Customer.organization_id == organization.id,
            BenefitGrant.member_id.is_(None),
            ~BenefitGrant.is_deleted,
        )
    )
    results = await session.stream_scalars(
        statement,
        execution_options={"yield_per": _PREPARE_BATCH_SIZE},
    )

    owner_members_map: dict[uuid.UUID, Member] = {}

    grants_found = 0
    count = 0
    skipped_conflicts = 0
    try:
        async for grant in results:
            grants_found += 1

            # Find the correct member for this grant.
            # Since seat.customer_id is still the original holder's ID,
            # we can match by customer_id + subscription/order.
            target_member_id: uuid.UUID | None = None

            if grant.subscription_id is not None:
                seat_member_id = await session.scalar(
                    select(CustomerSeat.member_id).where(
                        CustomerSeat.subscription_id == grant.subscription_id,
                        CustomerSeat.customer_id == grant.customer_id,
                        CustomerSeat.member_id.is_not(None),
                        CustomerSeat.status != SeatStatus.revoked,
                    )
                )
                if seat_member_id is not None:
                    target_member_id = seat_member_id
            elif grant.order_id is not None:
                seat_member_id = await session.scalar(
                    select(CustomerSeat.member_id).where(
                        CustomerSeat.order_id == grant.order_id,
                        CustomerSeat.customer_id == grant.customer_id,
                        CustomerSeat.member_id.is_not(None),
                        CustomerSeat.status != SeatStatus.revoked,
                    )
                )
                if seat_member_id is not None:
                    target_member_id = seat_member_id

            # Fallback to owner member
            if target_member_id is None:
                if grant.customer_id not in owner_members_map:
                    owner = await member_repository.get_owner_by_customer_id(
                        grant.customer_id
                    )
                    if owner is not None:
                        owner_members_map[grant.customer_id] = owner
                owner = owner_members_map.get(grant.customer_id)
                if owner is not None:
                    target_member_id = owner.id

            if target_member_id is not None:
                # Skip if assigning this member would collide with a non-deleted
                # grant on ix_benefit_grants_scope_unique
                # (customer, benefit, member, subscription, order). Checking the
                # full scope, not just the smb_key subset, keeps distinct
                # one-off orders apart while catching duplicate grants for the
                # same order (e.g. a revoke + re-grant that left two non-deleted
                # rows for the same customer).
                scope_conflict_id = await session.scalar(
                    select(BenefitGrant.id).where(
                        BenefitGrant.customer_id == grant.customer_id,
                        BenefitGrant.benefit_id == grant.benefit_id,
                        BenefitGrant.member_id == target_member_id,
                        BenefitGrant.subscription_id == grant.subscription_id,
                        BenefitGrant.order_id == grant.order_id,
                        BenefitGrant.id != grant.id,
                        ~BenefitGrant.is_deleted,
                    )
                )
                if scope_conflict_id is not None:
                    skipped_conflicts += 1
                else:
                    grant.member_id = target_member_id
                    count += 1

            if (count + skipped_conflicts) > 0 and (
                count + skipped_conflicts
            ) % _PREPARE_BATCH_SIZE == 0:
                await session.flush()
    finally:
        await results.close()

    await session.flush()

    log.info(
        "organization.prepare_members.step_c_complete",
        organization_id=str(organization.id),
        grants_found=grants_found,
        grants_linked=count,
        skipped_conflicts=skipped_conflicts,
    )
    return count


@actor(actor_name="organization.evaluate_website_risk", priority=TaskPriority.LOW)
async def evaluate_website_risk(organization_id: uuid.UUID) -> None:
    async with AsyncSessionMaker() as session:
        repository = OrganizationRepository.from_session(session)
        organization = await repository.get_by_id(organization_id)
        if organization is None:
            raise OrganizationDoesNotExist(organization_id)

        await organization_service.evaluate_website_risk(session, organization)

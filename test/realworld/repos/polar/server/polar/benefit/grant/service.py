from collections.abc import Sequence
from typing import Literal, Unpack
from uuid import UUID

import dramatiq
import structlog
from dramatiq import group
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from polar.auth.models import AuthSubject
from polar.auth.permission import OrganizationPermission
from polar.authz.service import get_accessible_org_ids
from polar.benefit.strategies import BenefitRetriableError
from polar.customer.repository import CustomerRepository
from polar.event.service import event as event_service
from polar.event.system import BenefitGrantMetadata, SystemEvent, build_system_event
from polar.eventstream.service import publish as eventstream_publish
from polar.exceptions import PolarError
from polar.kit.pagination import PaginationParams, paginate
from polar.kit.sorting import Sorting
from polar.logging import Logger
from polar.member.repository import MemberRepository
from polar.models import (
    Benefit,
    BenefitGrant,
    Customer,
    Member,
    Organization,
    Product,
    User,
)
from polar.models.benefit_grant import BenefitGrantScope
from polar.models.webhook_endpoint import WebhookEventType
from polar.postgres import AsyncSession
from polar.redis import Redis
from polar.webhook.service import webhook as webhook_service
from polar.worker import can_retry, enqueue_job

from ..registry import get_benefit_strategy
from ..strategies import (
    BenefitActionRequiredError,
    BenefitGrantProperties,
    BenefitProperties,
)
from .repository import BenefitGrantRepository
from .scope import scope_to_args
from .sorting import BenefitGrantSortProperty

log: Logger = structlog.get_logger()


class BenefitGrantError(PolarError): ...


class BenefitGrantService:
    async def list(
        self,
        session: AsyncSession,
        benefit: Benefit,
        *,
        is_granted: bool | None = None,
        customer_id: Sequence[UUID] | None = None,
        member_id: Sequence[UUID] | None = None,
        pagination: PaginationParams,
    ) -> tuple[Sequence[BenefitGrant], int]:
        statement = (
            select(BenefitGrant)
            .where(
                BenefitGrant.benefit_id == benefit.id,
                ~BenefitGrant.is_deleted,
            )
            .order_by(BenefitGrant.created_at.desc())
            .options(
                joinedload(BenefitGrant.customer),
                joinedload(BenefitGrant.benefit),
                joinedload(BenefitGrant.member),
            )
        )

        if is_granted is not None:
            statement = statement.where(BenefitGrant.is_granted.is_(is_granted))

        if customer_id is not None:
            statement = statement.where(BenefitGrant.customer_id.in_(customer_id))

        if member_id is not None:
            statement = statement.where(BenefitGrant.member_id.in_(member_id))

        return await paginate(session, statement, pagination=pagination)

    async def list_by_organization(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        organization_id: Sequence[UUID] | None = None,
        is_granted: bool | None = None,
        customer_id: Sequence[UUID] | None = None,
        external_customer_id: Sequence[str] | None = None,
        pagination: PaginationParams,
        sorting: Sequence[Sorting[BenefitGrantSortProperty]] = (
            (BenefitGrantSortProperty.created_at, True),
        ),
    ) -> tuple[Sequence[BenefitGrant], int]:
        repository = BenefitGrantRepository.from_session(session)
        org_ids = await get_accessible_org_ids(
            session, auth_subject, permission=OrganizationPermission.customers_read
        )
        statement = (
            repository.get_statement_by_org_ids(org_ids)
            .join(Customer, BenefitGrant.customer_id == Customer.id)
            .where(~BenefitGrant.is_deleted)
            .options(
                joinedload(BenefitGrant.customer),
                joinedload(BenefitGrant.benefit).joinedload(Benefit.organization),
                joinedload(BenefitGrant.member),
            )
        )

        if organization_id is not None:
            statement = statement.where(Benefit.organization_id.in_(organization_id))

        if is_granted is not None:
            statement = statement.where(BenefitGrant.is_granted.is_(is_granted))

        if customer_id is not None:
            statement = statement.where(BenefitGrant.customer_id.in_(customer_id))

        if external_customer_id is not None:
            statement = statement.where(Customer.external_id.in_(external_customer_id))

        statement = repository.apply_sorting(statement, sorting)

        return await repository.paginate(
            statement, limit=pagination.limit, page=pagination.page
        )

    async def grant_benefit(
        self,
        session: AsyncSession,
        redis: Redis,
        customer: Customer,
        benefit: Benefit,
        *,
        member: Member | None = None,
        attempt: int = 1,
        **scope: Unpack[BenefitGrantScope],
    ) -> BenefitGrant:
        log.info(
            "Granting benefit",
            benefit_id=str(benefit.id),
            customer_id=str(customer.id),
            member_id=str(member.id) if member else None,
        )

        repository = BenefitGrantRepository.from_session(session)
        grant = await repository.get_by_benefit_and_scope(
            customer, benefit, member=member, for_update=True, **scope
        )

        if grant is None:
            grant = BenefitGrant(
                customer=customer,
                benefit=benefit,
                member=member,
                properties={},
                **scope,
            )
            session.add(grant)
        elif grant.is_granted:
            return grant

        previous_properties = grant.properties
        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        try:
            properties = await benefit_strategy.grant(
                benefit,
                customer,
                grant.properties,
                attempt=attempt,
                member=member,
                **scope_to_args(scope),
            )
        except BenefitActionRequiredError as e:
            if e.grant_properties is not None:
                grant.properties = e.grant_properties
            grant.set_grant_failed(e)
        else:
            grant.properties = properties
            grant.set_granted()

        session.add(grant)
        await session.flush()

        await eventstream_publish(
            "benefit.granted",
            {"benefit_id": benefit.id, "benefit_type": benefit.type},
            customer_id=customer.id,
        )

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.benefit_granted,
                customer=customer,
                organization=benefit.organization,
                metadata=self._build_benefit_grant_metadata(grant, benefit),
            ),
        )

        log.info(
            "Benefit granted",
            benefit_id=str(benefit.id),
            customer_id=str(customer.id),
            grant_id=str(grant.id),
        )

        await self._send_webhook(
            session,
            benefit,
            grant,
            event_type=WebhookEventType.benefit_grant_created,
            previous_grant_properties=previous_properties,
        )
        return grant

    async def revoke_benefit(
        self,
        session: AsyncSession,
        redis: Redis,
        customer: Customer,
        benefit: Benefit,
        *,
        member: Member | None = None,
        attempt: int = 1,
        **scope: Unpack[BenefitGrantScope],
    ) -> BenefitGrant:
        log.info(
            "Revoking benefit",
            benefit_id=str(benefit.id),
            customer_id=str(customer.id),
            member_id=str(member.id) if member else None,
        )

        repository = BenefitGrantRepository.from_session(session)
        grant = await repository.get_by_benefit_and_scope(
            customer, benefit, member=member, for_update=True, **scope
        )

        if grant is None:
            grant = BenefitGrant(
                customer=customer,
                benefit=benefit,
                member=member,
                properties={},
                **scope,
            )
            session.add(grant)
        elif grant.is_revoked:
            return grant

        previous_properties = grant.properties

        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        # Call the revoke logic in two cases:
        # * If the service requires grants to be revoked individually
        # * If there is only one grant remaining for this benefit,
        #   so the benefit remains if other grants exist via other purchases
        other_grants = await repository.list_granted_by_benefit_and_customer(
            benefit, customer
        )
        if benefit_strategy.should_revoke_individually or len(other_grants) < 2:
            try:
                properties = await benefit_strategy.revoke(
                    benefit,
                    customer,
                    grant.properties,
                    attempt=attempt,
                    member=member,
                )
                grant.properties = properties
            except BenefitActionRequiredError:
                pass

        grant.set_revoked()

        session.add(grant)
        await session.flush()

        await eventstream_publish(
            "benefit.revoked",
            {"benefit_id": benefit.id, "benefit_type": benefit.type},
            customer_id=customer.id,
        )

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.benefit_revoked,
                customer=customer,
                organization=benefit.organization,
                metadata=self._build_benefit_grant_metadata(grant, benefit),
            ),
        )

        log.info(
            "Benefit revoked",
            benefit_id=str(benefit.id),
            customer_id=str(customer.id),
            grant_id=str(grant.id),
        )

        await self._send_webhook(
            session,
            benefit,
            grant,
            event_type=WebhookEventType.benefit_grant_revoked,
            previous_grant_properties=previous_properties,
        )
        return grant

    async def enqueue_benefits_grants(
        self,
        session: AsyncSession,
        task: Literal["grant", "revoke"],
        customer: Customer,
        product: Product,
        member_id: UUID | None = None,
        **scope: Unpack[BenefitGrantScope],
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)

        # Get existing grants to avoid redundant jobs
        # When a member_id is provided, only check that member's grants
        if member_id is not None:
            member_repository = MemberRepository.from_session(session)
            member = await member_repository.get_by_id(member_id)
            if member is not None:
                existing_grants = await repository.list_by_member_and_scope(
                    member, **scope
                )
            else:
                existing_grants = []
        else:
            existing_grants = await repository.list_by_customer_and_scope(
                customer, **scope
            )

        granted_benefit_ids = {g.benefit_id for g in existing_grants if g.is_granted}
        # Don't retry grants that failed due to required customer action
        errored_benefit_ids = {
            g.benefit_id
            for g in existing_grants
            if g.error and g.error.get("type") == BenefitActionRequiredError.__name__
        }

        grant_benefit_ids = (
            [
                b.id
                for b in product.benefits
                if b.id not in granted_benefit_ids and b.id not in errored_benefit_ids
            ]
            if task == "grant"
            else []
        )

        revoke_benefit_ids = (
            [b.id for b in product.benefits if b.id in granted_benefit_ids]
            if task == "revoke"
            else []
        )

        # Include outdated grants (from subscription upgrades/downgrades)
        outdated_grants = await repository.list_outdated_grants(product, **scope)
        revoke_benefit_ids.extend(g.benefit_id for g in outdated_grants)

        if not revoke_benefit_ids and not grant_benefit_ids:
            return

        scope_args = scope_to_args(scope)
        broker = dramatiq.get_broker()
        enqueue_grants_actor = broker.get_actor("benefit.enqueue_grants")

        # Pipeline: revoke group → enqueue_grants callback (then per-benefit grants)
        if revoke_benefit_ids:
            revoke_actor = broker.get_actor("benefit.revoke")
            revoke_messages = [
                revoke_actor.message(
                    customer_id=customer.id,
                    benefit_id=benefit_id,
                    member_id=member_id,
                    **scope_args,
                )
                for benefit_id in revoke_benefit_ids
            ]
            revoke_group = group(revoke_messages)
            revoke_group.add_completion_callback(
                enqueue_grants_actor.message(
                    customer_id=customer.id,
                    grant_benefit_ids=grant_benefit_ids,
                    member_id=member_id,
                    **scope_args,
                )
            )
            revoke_group.run()
        else:
            enqueue_job(
                "benefit.enqueue_grants",
                customer_id=customer.id,
                grant_benefit_ids=grant_benefit_ids,
                member_id=member_id,
                **scope_args,
            )

    async def enqueue_benefit_grant_updates(
        self,
        session: AsyncSession,
        redis: Redis,
        benefit: Benefit,
        previous_properties: BenefitProperties,
    ) -> None:
        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        if not await benefit_strategy.requires_update(benefit, previous_properties):
            return

        repository = BenefitGrantRepository.from_session(session)
        grants = await repository.list_granted_by_benefit(benefit)
        for grant in grants:
            enqueue_job("benefit.update", benefit_grant_id=grant.id)

    async def update_benefit_grant(
        self,
        session: AsyncSession,
        redis: Redis,
        grant: BenefitGrant,
        *,
        attempt: int = 1,
    ) -> BenefitGrant:
        # Don't update revoked benefits
        if grant.is_revoked:
            return grant

        benefit = grant.benefit

        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id(grant.customer_id)
        # Deleted customer, don't update the grant
        if customer is None:
            return grant

        member = None
        if grant.member_id:
            member_repository = MemberRepository.from_session(session)
            member = await member_repository.get_by_id(grant.member_id)

        previous_properties = grant.properties
        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        try:
            properties = await benefit_strategy.grant(
                benefit,
                customer,
                grant.properties,
                update=True,
                attempt=attempt,
                member=member,
                **grant.scope,
            )
        except BenefitActionRequiredError as e:
            if e.grant_properties is not None:
                grant.properties = e.grant_properties
            grant.set_grant_failed(e)
        else:
            grant.properties = properties
            grant.set_granted()

        session.add(grant)

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.benefit_updated,
                customer=customer,
                organization=benefit.organization,
                metadata=self._build_benefit_grant_metadata(grant, benefit),
            ),
        )

        await self._send_webhook(
            session,
            benefit,
            grant,
            event_type=WebhookEventType.benefit_grant_updated,
            previous_grant_properties=previous_properties,
        )
        return grant

    async def enqueue_benefit_grant_cycles(
        self,
        session: AsyncSession,
        redis: Redis,
        **scope: Unpack[BenefitGrantScope],
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)
        grants = await repository.list_granted_by_scope(**scope)
        for grant in grants:
            enqueue_job("benefit.cycle", benefit_grant_id=grant.id)

    async def cycle_benefit_grant(
        self,
        session: AsyncSession,
        redis: Redis,
        grant: BenefitGrant,
        *,
        attempt: int = 1,
    ) -> BenefitGrant:
        # Don't cycle revoked benefits
        if grant.is_revoked:
            return grant

        benefit = grant.benefit

        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id(grant.customer_id)
        assert customer is not None

        member = None
        if grant.member_id:
            member_repository = MemberRepository.from_session(session)
            member = await member_repository.get_by_id(grant.member_id)

        previous_properties = grant.properties
        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        try:
            properties = await benefit_strategy.cycle(
                benefit,
                customer,
                grant.properties,
                attempt=attempt,
                member=member,
            )
        except BenefitActionRequiredError as e:
            grant.set_grant_failed(e)
        else:
            grant.properties = properties

        grant.set_modified_at()
        session.add(grant)

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.benefit_cycled,
                customer=customer,
                organization=benefit.organization,
                metadata=self._build_benefit_grant_metadata(grant, benefit),
            ),
        )

        await self._send_webhook(
            session,
            benefit,
            grant,
            event_type=WebhookEventType.benefit_grant_cycled,
            previous_grant_properties=previous_properties,
        )
        return grant

    async def enqueue_benefit_grant_deletions(
        self, session: AsyncSession, benefit: Benefit
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)
        grants = await repository.list_granted_by_benefit(benefit)
        for grant in grants:
            enqueue_job("benefit.delete_grant", benefit_grant_id=grant.id)

    async def enqueue_member_grant_deletions(
        self, session: AsyncSession, member_id: UUID
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)
        grants = await repository.list_granted_by_member(member_id)
        for grant in grants:
            enqueue_job("benefit.delete_grant", benefit_grant_id=grant.id)

    async def enqueue_customer_grant_deletions(
        self, session: AsyncSession, customer: Customer
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)
        grants = await repository.list_granted_by_customer(customer.id)
        for grant in grants:
            enqueue_job("benefit.delete_grant", benefit_grant_id=grant.id)

    async def delete_benefit_grant(
        self,
        session: AsyncSession,
        redis: Redis,
        grant: BenefitGrant,
        *,
        attempt: int = 1,
    ) -> BenefitGrant:
        # Already revoked, nothing to do
        if grant.is_revoked:
            return grant

        await session.refresh(grant, {"benefit"})
        benefit = grant.benefit

        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id(
            grant.customer_id, include_deleted=True
        )
        assert customer is not None

        member = None
        if grant.member_id:
            member_repository = MemberRepository.from_session(session)
            member = await member_repository.get_by_id(
                grant.member_id, include_deleted=True
            )

        previous_properties = grant.properties
        benefit_strategy = get_benefit_strategy(benefit.type, session, redis)
        try:
            properties = await benefit_strategy.revoke(
                benefit,
                customer,
                grant.properties,
                attempt=attempt,
                member=member,
            )
            grant.properties = properties
        except BenefitRetriableError as e:
            if can_retry():
                raise
            log.warning(
                (
                    "Retriable error encountered while deleting benefit grant. "
                    "Stopping retries and marking grant as revoked"
                ),
                error=str(e),
                benefit_grant_id=str(grant.id),
            )
        except BenefitActionRequiredError:
            pass

        grant.set_revoked()

        session.add(grant)
        await self._send_webhook(
            session,
            benefit,
            grant,
            event_type=WebhookEventType.benefit_grant_revoked,
            previous_grant_properties=previous_properties,
        )
        return grant

    def _build_benefit_grant_metadata(
        self, grant: BenefitGrant, benefit: Benefit
    ) -> BenefitGrantMetadata:
        """Build metadata dict for benefit grant events with optional member_id."""
        metadata: BenefitGrantMetadata = {
            "benefit_id": str(benefit.id),
            "benefit_grant_id": str(grant.id),
            "benefit_type": benefit.type,
        }
        if grant.member_id:
            metadata["member_id"] = str(grant.member_id)
        return metadata

    async def _send_webhook(
        self,
        session: AsyncSession,
        benefit: Benefit,
        grant: BenefitGrant,
        event_type: Literal[
            WebhookEventType.benefit_grant_created,
            WebhookEventType.benefit_grant_updated,
            WebhookEventType.benefit_grant_cycled,
            WebhookEventType.benefit_grant_revoked,
        ],
        previous_grant_properties: BenefitGrantProperties,
    ) -> None:
        repository = BenefitGrantRepository.from_session(session)
        loaded = await repository.get_by_id(
            grant.id, options=repository.get_eager_options()
        )
        assert loaded is not None
        loaded.previous_properties = previous_grant_properties
        await webhook_service.send(session, benefit.organization, event_type, loaded)
        enqueue_job("customer.state_changed", grant.customer_id)


benefit_grant = BenefitGrantService()

import uuid
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, UnaryExpression, asc, desc, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from polar.auth.models import AuthSubject, Customer, Member
from polar.exceptions import PolarError
from polar.kit.db.postgres import AsyncSession
from polar.kit.pagination import PaginationParams, paginate
from polar.kit.services import ResourceServiceReader
from polar.kit.sorting import Sorting
from polar.kit.visibility import Visibility
from polar.models import (
    Organization,
    Product,
    Subscription,
    SubscriptionMeter,
)
from polar.models.subscription import CustomerCancellationReason
from polar.payment_method.service import payment_method as payment_method_service
from polar.subscription.schemas import SubscriptionChargePreview
from polar.subscription.service import (
    AlreadyCanceledSubscription,
    SubscriptionUpdateContext,
)
from polar.subscription.service import subscription as subscription_service

from ..schemas.subscription import (
    CustomerSubscriptionChangePreview,
    CustomerSubscriptionChangePreviewSeats,
    CustomerSubscriptionPause,
    CustomerSubscriptionResume,
    CustomerSubscriptionUpdate,
    CustomerSubscriptionUpdateClear,
    CustomerSubscriptionUpdateProduct,
    CustomerSubscriptionUpdateSeats,
)
from ..utils import get_customer_id


class CustomerSubscriptionError(PolarError): ...


class UpdateSubscriptionPlanNotAllowed(CustomerSubscriptionError):
    def __init__(self) -> None:
        super().__init__("Updating subscription plan is not allowed.", 403)


class UpdateSubscriptionSeatsNotAllowed(CustomerSubscriptionError):
    def __init__(self) -> None:
        super().__init__("Updating subscription seats is not allowed.", 403)


class PauseResumeNotAllowed(CustomerSubscriptionError):
    def __init__(self) -> None:
        super().__init__("Pausing or resuming a subscription is not allowed.", 403)


class RevokeNotAllowed(CustomerSubscriptionError):
    def __init__(self) -> None:
        super().__init__(
            "This subscription can only be revoked while it is past-due "
            "with no benefit grace period.",
            409,
        )


class PaymentMethodRequired(CustomerSubscriptionError):
    def __init__(self, action: str) -> None:
        super().__init__(
            f"Add a payment method before {action} this subscription.",
            409,
        )


class CustomerSubscriptionSortProperty(StrEnum):
    started_at = "started_at"
    amount = "amount"
    status = "status"
    organization = "organization"
    product = "product"


class CustomerSubscriptionService(ResourceServiceReader[Subscription]):
    async def list(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[Customer | Member],
        *,
        product_id: Sequence[uuid.UUID] | None = None,
        active: bool | None = None,
        query: str | None = None,
        pagination: PaginationParams,
        sorting: Sequence[Sorting[CustomerSubscriptionSortProperty]] = (
            (CustomerSubscriptionSortProperty.started_at, True),
        ),
    ) -> tuple[Sequence[Subscription], int]:
        statement = self._get_readable_subscription_statement(auth_subject).where(
            Subscription.started_at.is_not(None)
        )

        statement = (
            statement.join(Product, onclause=Subscription.product_id == Product.id)
            .join(Organization, onclause=Product.organization_id == Organization.id)
            .options(
                joinedload(Subscription.customer).joinedload(Customer.organization),
                contains_eager(Subscription.product).options(
                    selectinload(Product.product_medias),
                    contains_eager(Product.organization),
                ),
                selectinload(Subscription.meters).joinedload(SubscriptionMeter.meter),
                joinedload(Subscription.pending_update),
            )
        )

        if product_id is not None:
            statement = statement.where(Subscription.product_id.in_(product_id))

        if active is not None:
            if active:
                statement = statement.where(Subscription.active)
            else:
                statement = statement.where(Subscription.revoked)

        if query is not None:
            statement = statement.where(Product.name.icontains(query, autoescape=True))

        order_by_clauses: list[UnaryExpression[Any]] = []
        for criterion, is_desc in sorting:
            clause_function = desc if is_desc else asc
            if criterion == CustomerSubscriptionSortProperty.started_at:
                order_by_clauses.append(clause_function(Subscription.started_at))
            elif criterion == CustomerSubscriptionSortProperty.amount:
                order_by_clauses.append(clause_function(Subscription.amount))
            elif criterion == CustomerSubscriptionSortProperty.status:
                order_by_clauses.append(clause_function(Subscription.status))
            elif criterion == CustomerSubscriptionSortProperty.organization:
                order_by_clauses.append(clause_function(Organization.slug))
            elif criterion == CustomerSubscriptionSortProperty.product:
                order_by_clauses.append(clause_function(Product.name))
        statement = statement.order_by(*order_by_clauses)

        return await paginate(session, statement, pagination=pagination)

    async def get_by_id(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[Customer | Member],
        id: uuid.UUID,
        *,
        for_update: bool = False,
    ) -> Subscription | None:
        statement = (
            self._get_readable_subscription_statement(auth_subject)
            .where(Subscription.id == id)
            .options(
                joinedload(Subscription.customer),
                joinedload(Subscription.organization),
                joinedload(Subscription.product).options(
                    selectinload(Product.product_medias),
                    joinedload(Product.organization),
                ),
                selectinload(Subscription.meters).joinedload(SubscriptionMeter.meter),
                joinedload(Subscription.pending_update),
            )
        )

        if for_update:
            statement = statement.with_for_update(of=Subscription)

        result = await session.execute(statement)
        return result.scalar_one_or_none()

    async def update(
        self,
        session: AsyncSession,
        subscription: Subscription,
        *,
        updates: CustomerSubscriptionUpdate,
    ) -> Subscription:
        organization = subscription.product.organization
        if isinstance(updates, CustomerSubscriptionUpdateProduct):
            if not organization.customer_portal_subscription_update_plan:
                raise UpdateSubscriptionPlanNotAllowed()

            return await self.update_product(
                session,
                subscription,
                product_id=updates.product_id,
            )

        if isinstance(updates, CustomerSubscriptionUpdateSeats):
            if not organization.customer_portal_subscription_update_seats:
                raise UpdateSubscriptionSeatsNotAllowed()

            async with SubscriptionUpdateContext(
                session, subscription, subscription_service
            ) as ctx:
                return await subscription_service.update_seats(
                    session,
                    ctx,
                    subscription,
                    seats=updates.seats,
                )

        if isinstance(updates, CustomerSubscriptionUpdateClear):
            async with SubscriptionUpdateContext(
                session, subscription, subscription_service
            ) as ctx:
                return await subscription_service.clear_pending_update(
                    session, ctx, subscription
                )

        if isinstance(updates, CustomerSubscriptionPause):
            if not organization.customer_portal_subscription_pause:
                raise PauseResumeNotAllowed()

            async with SubscriptionUpdateContext(
                session, subscription, subscription_service
            ) as ctx:
                if updates.pause_at_period_end:
                    return await subscription_service.pause(
                        session, ctx, subscription, resumes_at=updates.resumes_at
                    )
                return await subscription_service.cancel_scheduled_pause(
                    session, ctx, subscription
                )

        if isinstance(updates, CustomerSubscriptionResume):
            if not organization.customer_portal_subscription_pause:
                raise PauseResumeNotAllowed()

            return await self.resume(session, subscription)

        cancel = updates.cancel_at_period_end is True
        uncancel = updates.cancel_at_period_end is False
        if not (cancel or uncancel):
            return subscription

        if cancel:
            return await self.cancel(
                session,
                subscription,
                reason=updates.cancellation_reason,
                comment=updates.cancellation_comment,
            )

        return await self.uncancel(session, subscription)

    async def preview_change(
        self,
        session: AsyncSession,
        subscription: Subscription,
        *,
        change: CustomerSubscriptionChangePreview,
    ) -> SubscriptionChargePreview:
        organization = subscription.product.organization
        if isinstance(change, CustomerSubscriptionChangePreviewSeats):
            if not organization.customer_portal_subscription_update_seats:
                raise UpdateSubscriptionSeatsNotAllowed()
            return await subscription_service.calculate_change_preview(
                session,
                subscription,
                seats=change.seats,
            )

        if not organization.customer_portal_subscription_update_plan:
            raise UpdateSubscriptionPlanNotAllowed()
        return await subscription_service.calculate_change_preview(
            session,
            subscription,
            product_id=change.product_id,
            allowed_visibilities=frozenset({Visibility.public}),
        )

    async def update_product(
        self,
        session: AsyncSession,
        subscription: Subscription,
        *,
        product_id: uuid.UUID,
    ) -> Subscription:
        async with SubscriptionUpdateContext(
            session, subscription, subscription_service
        ) as ctx:
            return await subscription_service.update_product(
                session,
                ctx,
                subscription,
                product_id=product_id,
                allowed_visibilities=frozenset({Visibility.public}),
            )

    async def resume(
        self,
        session: AsyncSession,
        subscription: Subscription,
    ) -> Subscription:
        if (
            subscription.can_resume()
            and subscription.organization.can_renew_subscriptions
        ):
            await self._require_payment_method(session, subscription, "resuming")

        async with SubscriptionUpdateContext(
            session, subscription, subscription_service
        ) as ctx:
            return await subscription_service.resume(session, ctx, subscription)

    async def uncancel(
        self,
        session: AsyncSession,
        subscription: Subscription,
    ) -> Subscription:
        if subscription.can_uncancel():
            await self._require_payment_method(session, subscription, "uncancelling")

        async with SubscriptionUpdateContext(
            session, subscription, subscription_service
        ) as ctx:
            return await subscription_service.uncancel(
                session,
                ctx,
                subscription,
            )

    async def cancel(
        self,
        session: AsyncSession,
        subscription: Subscription,
        *,
        reason: CustomerCancellationReason | None = None,
        comment: str | None = None,
    ) -> Subscription:
        async with SubscriptionUpdateContext(
            session, subscription, subscription_service
        ) as ctx:
            return await subscription_service.cancel(
                session,
                ctx,
                subscription,
                customer_reason=reason,
                customer_comment=comment,
            )

    async def revoke(
        self,
        session: AsyncSession,
        subscription: Subscription,
        *,
        reason: CustomerCancellationReason | None = None,
        comment: str | None = None,
    ) -> Subscription:
        if not subscription.can_cancel(True):
            raise AlreadyCanceledSubscription(subscription)

        preview = await subscription_service.calculate_cancel_preview(
            session, subscription
        )
        if not preview.stops_collection:
            raise RevokeNotAllowed()

        async with SubscriptionUpdateContext(
            session, subscription, subscription_service
        ) as ctx:
            return await subscription_service.revoke(
                session,
                ctx,
                subscription,
                customer_reason=reason,
                customer_comment=comment,
            )

    async def _require_payment_method(
        self, session: AsyncSession, subscription: Subscription, action: str
    ) -> None:
        if all(price.is_free for price in subscription.prices):
            return

        payment_method = await payment_method_service.get_customer_payment_method(
            session, subscription.customer
        )
        if payment_method is None:
            raise PaymentMethodRequired(action)

    def _get_readable_subscription_statement(
        self, auth_subject: AuthSubject[Customer | Member]
    ) -> Select[tuple[Subscription]]:
        return select(Subscription).where(
            ~Subscription.is_deleted,
            Subscription.customer_id == get_customer_id(auth_subject),
        )


customer_subscription = CustomerSubscriptionService(Subscription)

from typing import Annotated

import structlog
from fastapi import Depends, Query

from polar.exceptions import NotPermitted, ResourceNotFound
from polar.kit.db.postgres import AsyncSession
from polar.kit.pagination import ListResource, PaginationParamsQuery
from polar.kit.schemas import MultipleQueryFilter
from polar.kit.sorting import Sorting, SortingGetter
from polar.models import Subscription
from polar.openapi import APITag
from polar.order.service import PaymentFailed
from polar.postgres import get_db_session
from polar.product.schemas import ProductID
from polar.routing import APIRouter
from polar.subscription.schemas import (
    SubscriptionCancelPreview,
    SubscriptionChargePreview,
    SubscriptionID,
)
from polar.subscription.service import (
    AlreadyCanceledSubscription,
    NotASeatBasedSubscription,
)
from polar.subscription.service import subscription as subscription_service

from .. import auth
from ..schemas.subscription import (
    CustomerSubscription,
    CustomerSubscriptionChangePreview,
    CustomerSubscriptionRevoke,
    CustomerSubscriptionUpdate,
)
from ..service.subscription import (
    CustomerSubscriptionSortProperty,
    PauseResumeNotAllowed,
    PaymentMethodRequired,
    RevokeNotAllowed,
    UpdateSubscriptionPlanNotAllowed,
    UpdateSubscriptionSeatsNotAllowed,
)
from ..service.subscription import (
    customer_subscription as customer_subscription_service,
)
from ..utils import get_audit_context

log = structlog.get_logger()

router = APIRouter(prefix="/subscriptions", tags=["subscriptions", APITag.public])

SubscriptionNotFound = {
    "description": "Customer subscription was not found.",
    "model": ResourceNotFound.schema(),
}

ListSorting = Annotated[
    list[Sorting[CustomerSubscriptionSortProperty]],
    Depends(SortingGetter(CustomerSubscriptionSortProperty, ["-started_at"])),
]


@router.get(
    "/", summary="List Subscriptions", response_model=ListResource[CustomerSubscription]
)
async def list(
    auth_subject: auth.CustomerPortalUnionRead,
    pagination: PaginationParamsQuery,
    sorting: ListSorting,
    product_id: MultipleQueryFilter[ProductID] | None = Query(
        None, title="ProductID Filter", description="Filter by product ID."
    ),
    active: bool | None = Query(
        None,
        description=("Filter by active or cancelled subscription."),
    ),
    query: str | None = Query(
        None, description="Search by product or organization name."
    ),
    session: AsyncSession = Depends(get_db_session),
) -> ListResource[CustomerSubscription]:
    """List subscriptions of the authenticated customer."""
    results, count = await customer_subscription_service.list(
        session,
        auth_subject,
        product_id=product_id,
        active=active,
        query=query,
        pagination=pagination,
        sorting=sorting,
    )

    return ListResource.from_paginated_results(
        [CustomerSubscription.model_validate(result) for result in results],
        count,
        pagination,
    )


@router.get(
    "/{id}",
    summary="Get Subscription",
    response_model=CustomerSubscription,
    responses={404: SubscriptionNotFound},
)
async def get(
    id: SubscriptionID,
    auth_subject: auth.CustomerPortalUnionRead,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Get a subscription for the authenticated customer."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id
    )

    if subscription is None:
        raise ResourceNotFound()

    return subscription


@router.get(
    "/{id}/charge-preview",
    summary="Preview Next Charge For Active Subscription",
    response_model=SubscriptionChargePreview,
    responses={404: SubscriptionNotFound},
    tags=[APITag.private],
)
async def get_charge_preview(
    id: SubscriptionID,
    auth_subject: auth.CustomerPortalUnionRead,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionChargePreview:
    """Get current period usage and cost breakdown for a subscription."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id
    )

    if subscription is None:
        raise ResourceNotFound()

    # Allow active/trialing subscriptions, and paused subscriptions scheduled to
    # auto-resume — they still have an upcoming charge when they resume.
    is_resumable_pause = (
        subscription.status == "paused" and subscription.resumes_at is not None
    )
    if subscription.status not in ("active", "trialing") and not is_resumable_pause:
        raise ResourceNotFound()

    # If subscription will end (cancel_at_period_end or ends_at), ensure there's still a charge coming
    if (
        subscription.cancel_at_period_end or subscription.ends_at
    ) and subscription.ended_at:
        raise ResourceNotFound()

    return await subscription_service.calculate_charge_preview(session, subscription)


@router.get(
    "/{id}/cancel-preview",
    summary="Preview Subscription Cancellation",
    response_model=SubscriptionCancelPreview,
    responses={404: SubscriptionNotFound},
    tags=[APITag.private],
)
async def get_cancel_preview(
    id: SubscriptionID,
    auth_subject: auth.CustomerPortalUnionRead,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionCancelPreview:
    """Preview the effect of cancelling a subscription right now."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id
    )

    if subscription is None:
        raise ResourceNotFound()

    return await subscription_service.calculate_cancel_preview(session, subscription)


@router.post(
    "/{id}/change-preview",
    summary="Preview Subscription Change",
    response_model=SubscriptionChargePreview,
    responses={
        400: {"model": NotASeatBasedSubscription.schema()},
        403: {
            "description": "Previewing this change is not allowed.",
            "model": AlreadyCanceledSubscription.schema()
            | UpdateSubscriptionPlanNotAllowed.schema()
            | UpdateSubscriptionSeatsNotAllowed.schema(),
        },
        404: SubscriptionNotFound,
    },
    tags=[APITag.private],
)
async def preview_change(
    id: SubscriptionID,
    change: CustomerSubscriptionChangePreview,
    auth_subject: auth.CustomerPortalUnionBillingWrite,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionChargePreview:
    """Preview what a subscription change would cost, without applying it."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id
    )

    if subscription is None:
        raise ResourceNotFound()

    return await customer_subscription_service.preview_change(
        session, subscription, change=change
    )


@router.patch(
    "/{id}",
    summary="Update Subscription",
    response_model=CustomerSubscription,
    responses={
        200: {"description": "Customer subscription updated."},
        402: {
            "description": "Payment required to apply the subscription update.",
            "model": PaymentFailed.schema(),
        },
        403: {
            "description": (
                "Customer subscription is already canceled "
                "or will be at the end of the period, "
                "the user lacks billing permissions, "
                "or pausing/resuming is not enabled for the organization."
            ),
            "model": AlreadyCanceledSubscription.schema()
            | PauseResumeNotAllowed.schema(),
        },
        404: SubscriptionNotFound,
        409: {
            "description": "The subscription has no payment method to charge.",
            "model": PaymentMethodRequired.schema(),
        },
    },
)
async def update(
    id: SubscriptionID,
    subscription_update: CustomerSubscriptionUpdate,
    auth_subject: auth.CustomerPortalUnionBillingWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Update a subscription of the authenticated customer."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id, for_update=True
    )

    if subscription is None:
        raise ResourceNotFound()

    log.info(
        "customer_portal.subscription.update",
        subscription_id=id,
        updates=subscription_update.model_dump(exclude_unset=True),
        **get_audit_context(auth_subject),
    )
    return await customer_subscription_service.update(
        session, subscription, updates=subscription_update
    )


@router.delete(
    "/{id}",
    summary="Cancel Subscription",
    response_model=CustomerSubscription,
    responses={
        200: {"description": "Customer subscription is canceled."},
        403: {
            "description": (
                "Customer subscription is already canceled "
                "or will be at the end of the period, "
                "or the user lacks billing permissions."
            ),
            "model": AlreadyCanceledSubscription.schema(),
        },
        404: SubscriptionNotFound,
    },
)
async def cancel(
    id: SubscriptionID,
    auth_subject: auth.CustomerPortalUnionBillingWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Cancel a subscription of the authenticated customer."""
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id, for_update=True
    )

    if subscription is None:
        raise ResourceNotFound()

    log.info(
        "customer_portal.subscription.cancel",
        subscription_id=id,
        **get_audit_context(auth_subject),
    )
    return await customer_subscription_service.cancel(session, subscription)


# TODO(api-vNext): fold this into DELETE /{id} as a hard-revoke to mirror the
# merchant API. Kept as a separate private endpoint for now because the public
# DELETE cancels at period end and has external usage we can't break mid-version.
@router.post(
    "/{id}/revoke",
    summary="Revoke Subscription",
    response_model=CustomerSubscription,
    responses={
        200: {"description": "Customer subscription is revoked."},
        403: {
            "description": (
                "Customer subscription is already canceled "
                "or the user lacks billing permissions."
            ),
            "model": AlreadyCanceledSubscription.schema() | NotPermitted.schema(),
        },
        409: {
            "description": "This subscription cannot be revoked in its current state.",
            "model": RevokeNotAllowed.schema(),
        },
        404: SubscriptionNotFound,
    },
    tags=[APITag.private],
)
async def revoke(
    id: SubscriptionID,
    revoke: CustomerSubscriptionRevoke,
    auth_subject: auth.CustomerPortalUnionBillingWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Revoke a subscription immediately, stopping any further payment attempts.

    Only allowed while the subscription is past-due and the organization has no
    benefit revocation grace period.
    """
    subscription = await customer_subscription_service.get_by_id(
        session, auth_subject, id, for_update=True
    )

    if subscription is None:
        raise ResourceNotFound()

    log.info(
        "customer_portal.subscription.revoke",
        subscription_id=id,
        **get_audit_context(auth_subject),
    )
    return await customer_subscription_service.revoke(
        session,
        subscription,
        reason=revoke.cancellation_reason,
        comment=revoke.cancellation_comment,
    )

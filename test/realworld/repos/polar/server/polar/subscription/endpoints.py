from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import structlog
from fastapi import Depends, Query
from pydantic import AwareDatetime

from polar.auth.permission import OrganizationPermission
from polar.authz.service import assert_resource_permission
from polar.customer.schemas.customer import CustomerID, ExternalCustomerID
from polar.discount.schemas import DiscountID
from polar.exceptions import ResourceNotFound
from polar.kit.csv import CSVStreamingResponse
from polar.kit.metadata import MetadataQuery, get_metadata_query_openapi_schema
from polar.kit.pagination import ListResource, PaginationParamsQuery
from polar.kit.schemas import MultipleQueryFilter
from polar.models import Subscription
from polar.models.subscription import CustomerCancellationReason, SubscriptionStatus
from polar.openapi import APITag
from polar.order.service import PaymentFailed
from polar.organization.schemas import OrganizationID
from polar.postgres import (
    AsyncReadSession,
    AsyncSession,
    get_db_read_session,
    get_db_session,
)
from polar.product.schemas import ProductID
from polar.routing import APIRouter

from . import auth, sorting
from .export import (
    SubscriptionExportColumn,
    SubscriptionExportTimezone,
    generate_csv,
    get_filename,
)
from .schemas import Subscription as SubscriptionSchema
from .schemas import (
    SubscriptionCancelPreview,
    SubscriptionChangePreview,
    SubscriptionChangePreviewSeats,
    SubscriptionChangePreviewUnits,
    SubscriptionChargePreview,
    SubscriptionCreate,
    SubscriptionID,
    SubscriptionUpdate,
)
from .service import (
    AlreadyCanceledSubscription,
    InactiveSubscription,
    NotASeatBasedSubscription,
    SubscriptionLocked,
    SubscriptionUpdateContext,
)
from .service import subscription as subscription_service

log = structlog.get_logger()

router = APIRouter(prefix="/subscriptions", tags=["subscriptions", APITag.public])

SubscriptionNotFound = {
    "description": "Subscription not found.",
    "model": ResourceNotFound.schema(),
}


@router.get(
    "/",
    response_model=ListResource[SubscriptionSchema],
    summary="List Subscriptions",
    openapi_extra={"parameters": [get_metadata_query_openapi_schema()]},
)
async def list(
    auth_subject: auth.SubscriptionsRead,
    pagination: PaginationParamsQuery,
    sorting: sorting.ListSorting,
    metadata: MetadataQuery,
    organization_id: MultipleQueryFilter[OrganizationID] | None = Query(
        None, title="OrganizationID Filter", description="Filter by organization ID."
    ),
    product_id: MultipleQueryFilter[ProductID] | None = Query(
        None, title="ProductID Filter", description="Filter by product ID."
    ),
    customer_id: MultipleQueryFilter[CustomerID] | None = Query(
        None, title="CustomerID Filter", description="Filter by customer ID."
    ),
    external_customer_id: MultipleQueryFilter[ExternalCustomerID] | None = Query(
        None,
        title="ExternalCustomerID Filter",
        description="Filter by customer external ID.",
    ),
    discount_id: MultipleQueryFilter[DiscountID] | None = Query(
        None, title="DiscountID Filter", description="Filter by discount ID."
    ),
    active: bool | None = Query(
        None,
        description="Filter by active or inactive subscription.",
        deprecated=True,
    ),
    status: MultipleQueryFilter[SubscriptionStatus] | None = Query(
        None, title="Status Filter", description="Filter by subscription status."
    ),
    cancel_at_period_end: bool | None = Query(
        None,
        description="Filter by subscriptions that are set to cancel at period end.",
    ),
    customer_cancellation_reason: MultipleQueryFilter[CustomerCancellationReason]
    | None = Query(
        None,
        title="CustomerCancellationReason Filter",
        description="Filter by customer cancellation reason.",
    ),
    canceled_at_after: datetime | None = Query(
        None,
        description="Filter by cancellation date (after or equal to).",
    ),
    canceled_at_before: datetime | None = Query(
        None,
        description="Filter by cancellation date (before or equal to).",
    ),
    started_after: datetime | None = Query(
        None,
        description="Only include subscriptions started after this date.",
    ),
    started_before: datetime | None = Query(
        None,
        description="Only include subscriptions started before this date.",
    ),
    session: AsyncReadSession = Depends(get_db_read_session),
) -> ListResource[SubscriptionSchema]:
    """List subscriptions."""
    results, count = await subscription_service.list(
        session,
        auth_subject,
        organization_id=organization_id,
        product_id=product_id,
        customer_id=customer_id,
        external_customer_id=external_customer_id,
        discount_id=discount_id,
        active=active,
        status=status,
        cancel_at_period_end=cancel_at_period_end,
        customer_cancellation_reason=customer_cancellation_reason,
        canceled_at_after=canceled_at_after,
        canceled_at_before=canceled_at_before,
        started_after=started_after,
        started_before=started_before,
        metadata=metadata,
        pagination=pagination,
        sorting=sorting,
    )

    return ListResource.from_paginated_results(
        [SubscriptionSchema.model_validate(result) for result in results],
        count,
        pagination,
    )


@router.get(
    "/export", summary="Export Subscriptions", response_class=CSVStreamingResponse
)
async def export(
    auth_subject: auth.SubscriptionsRead,
    organization_id: MultipleQueryFilter[OrganizationID] | None = Query(
        None, title="OrganizationID Filter", description="Filter by organization ID."
    ),
    product_id: MultipleQueryFilter[ProductID] | None = Query(
        None, title="ProductID Filter", description="Filter by product ID."
    ),
    status: MultipleQueryFilter[SubscriptionStatus] | None = Query(
        None, title="Status Filter", description="Filter by subscription status."
    ),
    cancel_at_period_end: bool | None = Query(
        None,
        description="Filter by subscriptions that are set to cancel at period end.",
    ),
    started_after: AwareDatetime | None = Query(
        None,
        description=(
            "Only include subscriptions started after this date. "
            "Must include a UTC offset."
        ),
    ),
    started_before: AwareDatetime | None = Query(
        None,
        description=(
            "Only include subscriptions started before this date. "
            "Must include a UTC offset."
        ),
    ),
    timezone: Annotated[
        SubscriptionExportTimezone,
        Query(description="Time zone used to render dates in the CSV."),
    ] = "UTC",
    columns: MultipleQueryFilter[SubscriptionExportColumn] | None = Query(
        None,
        description=(
            "Columns to include in the CSV, in order. "
            "Defaults to email, started_at, product, amount, "
            "currency, status and recurring_interval."
        ),
    ),
    session: AsyncReadSession = Depends(get_db_read_session),
) -> CSVStreamingResponse:
    """Export subscriptions as a CSV file."""
    tzinfo = ZoneInfo(timezone)
    return CSVStreamingResponse(
        generate_csv(
            session,
            auth_subject,
            organization_id=organization_id,
            product_id=product_id,
            status=status,
            cancel_at_period_end=cancel_at_period_end,
            started_after=started_after,
            started_before=started_before,
            timezone=tzinfo,
            columns=columns,
        ),
        get_filename(started_after, started_before, tzinfo),
    )


@router.get(
    "/{id}",
    summary="Get Subscription",
    response_model=SubscriptionSchema,
    responses={404: SubscriptionNotFound},
)
async def get(
    id: SubscriptionID,
    auth_subject: auth.SubscriptionsRead,
    session: AsyncReadSession = Depends(get_db_read_session),
) -> Subscription:
    """Get a subscription by ID."""
    subscription = await subscription_service.get(session, auth_subject, id)

    if subscription is None:
        raise ResourceNotFound()

    return subscription


@router.get(
    "/{id}/charge-preview",
    summary="Preview Next Charge For Subscription",
    response_model=SubscriptionChargePreview,
    responses={404: SubscriptionNotFound},
    tags=[APITag.private],
)
async def get_charge_preview(
    id: SubscriptionID,
    auth_subject: auth.SubscriptionsRead,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionChargePreview:
    """
    Get a preview of the next charge for an active or trialing subscription.

    Returns a breakdown of:
    - Base subscription amount
    - Metered usage charges
    - Applied discounts
    - Calculated taxes
    - Total amount

    For trialing subscriptions, shows what the first charge will be when the trial ends.
    For subscriptions set to cancel at period end, shows the final charge.
    For paused subscriptions scheduled to auto-resume, shows the charge on resume.
    Available for active, trialing, and paused-with-resume subscriptions.
    """
    subscription = await subscription_service.get(session, auth_subject, id)

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
    auth_subject: auth.SubscriptionsRead,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionCancelPreview:
    """Preview the effect of cancelling a subscription right now.

    Reports whether cancelling also stops collecting the outstanding payment,
    and the amount that would no longer be collected.
    """
    subscription = await subscription_service.get(session, auth_subject, id)

    if subscription is None:
        raise ResourceNotFound()

    return await subscription_service.calculate_cancel_preview(session, subscription)


@router.post(
    "/{id}/change-preview",
    summary="Preview Subscription Change",
    response_model=SubscriptionChargePreview,
    responses={
        403: {"model": AlreadyCanceledSubscription.schema()},
        400: {"model": NotASeatBasedSubscription.schema()},
        404: SubscriptionNotFound,
    },
    tags=[APITag.private],
)
async def preview_change(
    id: SubscriptionID,
    change: SubscriptionChangePreview,
    auth_subject: auth.SubscriptionsWrite,
    session: AsyncSession = Depends(get_db_session),
) -> SubscriptionChargePreview:
    """
    Preview what a subscription change would cost, without applying it.

    Returns the proration breakdown and the amount due today.
    """
    subscription = await subscription_service.get(session, auth_subject, id)

    if subscription is None:
        raise ResourceNotFound()

    await assert_resource_permission(
        session,
        auth_subject,
        subscription.product,
        OrganizationPermission.sales_manage,
    )

    if isinstance(change, SubscriptionChangePreviewSeats):
        return await subscription_service.calculate_change_preview(
            session,
            subscription,
            seats=change.seats,
            proration_behavior=change.proration_behavior,
        )

    if isinstance(change, SubscriptionChangePreviewUnits):
        return await subscription_service.calculate_change_preview(
            session,
            subscription,
            units=change.units,
            proration_behavior=change.proration_behavior,
        )

    return await subscription_service.calculate_change_preview(
        session,
        subscription,
        product_id=change.product_id,
        proration_behavior=change.proration_behavior,
    )


@router.post(
    "/",
    response_model=SubscriptionSchema,
    status_code=201,
    summary="Create Subscription",
    responses={201: {"description": "Subscription created."}},
)
async def create(
    subscription_create: SubscriptionCreate,
    auth_subject: auth.SubscriptionsWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """
    Create a subscription programmatically.

    This endpoint only allows to create subscription on free products.
    For paid products, use the checkout flow.

    No initial order will be created and no confirmation email will be sent.
    """
    return await subscription_service.create(session, subscription_create, auth_subject)


@router.patch(
    "/{id}",
    summary="Update Subscription",
    response_model=SubscriptionSchema,
    responses={
        200: {"description": "Subscription updated."},
        402: {
            "description": "Payment required to apply the subscription update.",
            "model": PaymentFailed.schema(),
        },
        403: {
            "description": (
                "Subscription is already canceled or will be at the end of the "
                "period, or is not active."
            ),
            "model": AlreadyCanceledSubscription.schema()
            | InactiveSubscription.schema(),
        },
        404: SubscriptionNotFound,
        409: {
            "description": "Subscription is pending an update.",
            "model": SubscriptionLocked.schema(),
        },
    },
)
async def update(
    id: SubscriptionID,
    subscription_update: SubscriptionUpdate,
    auth_subject: auth.SubscriptionsWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Update a subscription."""
    subscription = await subscription_service.get(
        session, auth_subject, id, for_update=True
    )
    if subscription is None:
        raise ResourceNotFound()

    await assert_resource_permission(
        session,
        auth_subject,
        subscription.product,
        OrganizationPermission.sales_manage,
    )

    log.info(
        "subscription.update",
        id=id,
        customer_id=auth_subject.subject.id,
        updates=subscription_update,
    )
    async with SubscriptionUpdateContext(
        session, subscription, subscription_service
    ) as ctx:
        return await subscription_service.update(
            session, ctx, subscription, update=subscription_update
        )


@router.delete(
    "/{id}",
    summary="Revoke Subscription",
    response_model=SubscriptionSchema,
    responses={
        200: {"description": "Subscription revoked."},
        403: {
            "description": "This subscription is already revoked.",
            "model": AlreadyCanceledSubscription.schema(),
        },
        404: SubscriptionNotFound,
        409: {
            "description": "Subscription is pending an update.",
            "model": SubscriptionLocked.schema(),
        },
    },
)
async def revoke(
    id: SubscriptionID,
    auth_subject: auth.SubscriptionsWrite,
    session: AsyncSession = Depends(get_db_session),
) -> Subscription:
    """Revoke a subscription, i.e cancel immediately."""
    subscription = await subscription_service.get(
        session, auth_subject, id, for_update=True
    )
    if subscription is None:
        raise ResourceNotFound()

    await assert_resource_permission(
        session,
        auth_subject,
        subscription.product,
        OrganizationPermission.sales_manage,
    )

    log.info(
        "subscription.revoke", id=id, admin_id=auth_subject.subject.id, immediate=True
    )
    async with SubscriptionUpdateContext(
        session, subscription, subscription_service
    ) as ctx:
        return await subscription_service.revoke(session, ctx, subscription)

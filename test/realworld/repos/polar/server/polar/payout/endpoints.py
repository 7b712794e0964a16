from fastapi import Depends, Query
from pydantic import UUID4
from sqlalchemy.orm import joinedload

from polar.auth.permission import OrganizationPermission
from polar.authz.service import assert_organization_permission
from polar.exceptions import ResourceNotFound
from polar.kit.csv import CSVStreamingResponse
from polar.kit.db.postgres import AsyncSessionMaker
from polar.kit.pagination import ListResource, PaginationParamsQuery
from polar.kit.schemas import MultipleQueryFilter
from polar.locker import Locker, get_locker
from polar.models import Organization, Payout
from polar.models.payout import PayoutStatus
from polar.openapi import APITag
from polar.organization.service import organization as organization_service
from polar.postgres import AsyncSession, get_db_session, get_db_sessionmaker
from polar.routing import APIRouter

from . import auth as payouts_auth
from . import sorting
from .schemas import Payout as PayoutSchema
from .schemas import PayoutCreate, PayoutEstimate, PayoutGenerateInvoice, PayoutInvoice
from .service import InsufficientBalance
from .service import payout as payout_service

router = APIRouter(prefix="/payouts", tags=["payouts", APITag.private])


@router.get("/", response_model=ListResource[PayoutSchema])
async def list(
    auth_subject: payouts_auth.PayoutsRead,
    pagination: PaginationParamsQuery,
    sorting: sorting.ListSorting,
    account_id: MultipleQueryFilter[UUID4] | None = Query(
        None, title="Account ID Filter", description="Filter by account ID."
    ),
    status: MultipleQueryFilter[PayoutStatus] | None = Query(
        None, title="Status Filter", description="Filter by payout status."
    ),
    session: AsyncSession = Depends(get_db_session),
) -> ListResource[PayoutSchema]:
    """List payouts."""
    results, count = await payout_service.list(
        session,
        auth_subject,
        account_id=account_id,
        status=status,
        pagination=pagination,
        sorting=sorting,
    )

    return ListResource.from_paginated_results(
        [PayoutSchema.model_validate(result) for result in results], count, pagination
    )


@router.get(
    "/estimate",
    response_model=PayoutEstimate,
    responses={
        200: {
            "description": "Payout estimate computed successfully.",
        },
        400: {
            "description": "The balance is insufficient to create a payout.",
            "model": InsufficientBalance.schema(),
        },
        404: {"description": "Account not found.", "model": ResourceNotFound.schema()},
    },
)
async def get_estimate(
    auth_subject: payouts_auth.PayoutsRead,
    organization_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> PayoutEstimate:
    organization = await organization_service.get(
        session,
        auth_subject,
        organization_id,
        options=(
            joinedload(Organization.account),
            joinedload(Organization.payout_account),
        ),
    )
    if organization is None:
        raise ResourceNotFound()

    await assert_organization_permission(
        session,
        auth_subject,
        organization.id,
        OrganizationPermission.finance_manage,
    )
    return await payout_service.estimate(session, organization)


@router.post("/", response_model=PayoutSchema, status_code=201)
async def create(
    auth_subject: payouts_auth.PayoutsWrite,
    payout_create: PayoutCreate,
    session: AsyncSession = Depends(get_db_session),
    locker: Locker = Depends(get_locker),
) -> Payout:
    organization_id = payout_create.organization_id
    organization = await organization_service.get(
        session,
        auth_subject,
        organization_id,
        options=(
            joinedload(Organization.account),
            joinedload(Organization.payout_account),
        ),
    )
    if organization is None:
        raise ResourceNotFound()

    await assert_organization_permission(
        session,
        auth_subject,
        organization.id,
        OrganizationPermission.finance_manage,
    )
    return await payout_service.create(session, locker, organization)


@router.get(
    "/{id}/csv",
    summary="Export Payout as CSV",
    response_class=CSVStreamingResponse,
    responses={
        404: {"description": "Payout not found.", "model": ResourceNotFound.schema()},
    },
)
async def get_csv(
    id: UUID4,
    auth_subject: payouts_auth.PayoutsRead,
    session: AsyncSession = Depends(get_db_session),
    sessionmaker: AsyncSessionMaker = Depends(get_db_sessionmaker),
) -> CSVStreamingResponse:
    payout = await payout_service.get(session, auth_subject, id)

    if payout is None:
        raise ResourceNotFound()

    content = payout_service.get_csv(session, sessionmaker, payout)

    return CSVStreamingResponse(
        content, f"polar-payout-{payout.created_at.isoformat()}.csv"
    )


@router.post("/{id}/invoice", status_code=202)
async def generate_invoice(
    id: UUID4,
    payout_generate_invoice: PayoutGenerateInvoice,
    auth_subject: payouts_auth.PayoutsWrite,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    """Trigger generation of an order's invoice."""
    payout = await payout_service.get(
        session, auth_subject, id, permission=OrganizationPermission.finance_manage
    )

    if payout is None:
        raise ResourceNotFound()

    await payout_service.trigger_invoice_generation(
        session, payout, payout_generate_invoice
    )


@router.get("/{id}/invoice")
async def invoice(
    id: UUID4,
    auth_subject: payouts_auth.PayoutsRead,
    session: AsyncSession = Depends(get_db_session),
) -> PayoutInvoice:
    """Get an order's invoice data."""
    payout = await payout_service.get(session, auth_subject, id)

    if payout is None:
        raise ResourceNotFound()

    return await payout_service.get_invoice(payout)

from uuid import UUID

import structlog
from fastapi import Depends

from polar.auth.models import is_member
from polar.exceptions import NotPermitted, PolarRequestValidationError, ResourceNotFound
from polar.kit.pagination import ListResource, PaginationParamsQuery
from polar.member.repository import MemberRepository
from polar.member.service import member_service
from polar.models.customer import CustomerType
from polar.models.member import Member, MemberRole
from polar.openapi import APITag
from polar.postgres import AsyncSession, get_db_session
from polar.routing import APIRouter

from .. import auth
from ..schemas.member import (
    CustomerPortalMember,
    CustomerPortalMemberCreate,
    CustomerPortalMemberUpdate,
)
from ..utils import get_customer

log = structlog.get_logger()

router = APIRouter(prefix="/members", tags=["members", APITag.public])


def _require_team_customer(auth_subject: auth.CustomerPortalBillingManager) -> None:
    """Validate that the customer is a team customer."""
    customer = get_customer(auth_subject)
    if customer.type != CustomerType.team:
        raise NotPermitted(
            "Member management is only available for team customers. "
            "Purchase a seat-based product to enable team features."
        )


@router.get(
    "",
    summary="List Members",
    response_model=ListResource[CustomerPortalMember],
    responses={
        401: {"description": "Authentication required"},
        403: {"description": "Not permitted - requires owner or billing manager role"},
    },
)
async def list_members(
    auth_subject: auth.CustomerPortalBillingManager,
    pagination: PaginationParamsQuery,
    session: AsyncSession = Depends(get_db_session),
) -> ListResource[CustomerPortalMember]:
    """
    List all members of the customer's team.

    Only available to owners and billing managers of team customers.
    """
    _require_team_customer(auth_subject)
    customer = get_customer(auth_subject)

    repository = MemberRepository.from_session(session)
    statement = repository.get_base_statement().where(
        Member.customer_id == customer.id,
    )
    results, count = await repository.paginate(
        statement, limit=pagination.limit, page=pagination.page
    )

    log.info(
        "customer_portal.members.list",
        customer_id=customer.id,
        member_count=count,
        actor_member_id=auth_subject.subject.id if is_member(auth_subject) else None,
    )

    return ListResource.from_paginated_results(
        [CustomerPortalMember.model_validate(result) for result in results],
        count,
        pagination,
    )


@router.post(
    "",
    summary="Add Member",
    response_model=CustomerPortalMember,
    status_code=201,
    responses={
        201: {"description": "Member added."},
        400: {"description": "Invalid request or member already exists."},
        401: {"description": "Authentication required"},
        403: {"description": "Not permitted - requires owner or billing manager role"},
    },
)
async def add_member(
    member_create: CustomerPortalMemberCreate,
    auth_subject: auth.CustomerPortalBillingManager,
    session: AsyncSession = Depends(get_db_session),
) -> Member:
    """
    Add a new member to the customer's team.

    Only available to owners and billing managers of team customers.

    Rules:
    - Cannot add a member with the owner role (there must be exactly one owner)
    - If a member with this email already exists, the existing member is returned
    """
    _require_team_customer(auth_subject)
    customer = get_customer(auth_subject)

    # Prevent adding a new owner - there must be exactly one
    if member_create.role == MemberRole.owner:
        raise PolarRequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("body", "role"),
                    "msg": "Cannot add a member as owner. There must be exactly one owner.",
                    "input": member_create.role,
                }
            ]
        )

    return await member_service.add_to_customer(
        session,
        customer,
        email=member_create.email,
        name=member_create.name,
        role=member_create.role,
    )


@router.patch(
    "/{id}",
    summary="Update Member",
    response_model=CustomerPortalMember,
    responses={
        200: {"description": "Member updated."},
        400: {"description": "Invalid role change."},
        401: {"description": "Authentication required"},
        403: {"description": "Not permitted - requires owner or billing manager role"},
        404: {"description": "Member not found."},
    },
)
async def update_member(
    id: UUID,
    member_update: CustomerPortalMemberUpdate,
    auth_subject: auth.CustomerPortalBillingManager,
    session: AsyncSession = Depends(get_db_session),
) -> Member:
    """
    Update a member's name or role.

    Only available to owners and billing managers of team customers.

    Rules:
    - Cannot modify your own role (to prevent self-demotion)
    - Customer must have exactly one owner at all times
    """
    _require_team_customer(auth_subject)
    customer = get_customer(auth_subject)
    actor_member = auth_subject.subject

    # Fetch the member
    member = await member_service.get_by_customer_and_id(session, customer.id, id)
    if member is None:
        raise ResourceNotFound("Member not found")

    # Prevent changing your own role (self-demotion). A no-op role value and
    # name changes are allowed.
    if (
        member_update.role is not None
        and member_update.role != member.role
        and member.id == actor_member.id
    ):
        raise PolarRequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("path", "id"),
                    "msg": "You cannot modify your own role.",
                    "input": str(id),
                }
            ]
        )

    return await member_service.update(
        session,
        member,
        name=member_update.name,
        role=member_update.role,
        caller_member=actor_member,
    )


@router.delete(
    "/{id}",
    status_code=204,
    summary="Remove Member",
    responses={
        204: {"description": "Member removed."},
        400: {"description": "Cannot remove the only owner."},
        401: {"description": "Authentication required"},
        403: {"description": "Not permitted - requires owner or billing manager role"},
        404: {"description": "Member not found."},
    },
)
async def remove_member(
    id: UUID,
    auth_subject: auth.CustomerPortalBillingManager,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    """
    Remove a member from the team.

    Only available to owners and billing managers of team customers.

    Rules:
    - Cannot remove yourself
    - Cannot remove the only owner
    """
    _require_team_customer(auth_subject)
    customer = get_customer(auth_subject)
    actor_member = auth_subject.subject

    # Fetch the member
    member = await member_service.get_by_customer_and_id(session, customer.id, id)
    if member is None:
        raise ResourceNotFound("Member not found")

    # Prevent self-removal
    if member.id == actor_member.id:
        raise PolarRequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("path", "id"),
                    "msg": "You cannot remove yourself from the team.",
                    "input": str(id),
                }
            ]
        )

    # delete() handles the "cannot delete only owner" validation
    await member_service.delete(session, member)

from textwrap import dedent
from typing import cast

from fastapi import Depends, Query
from pydantic import UUID4

from polar.benefit.schemas import BenefitID
from polar.benefit.strategies.license_keys.properties import (
    BenefitLicenseKeysProperties,
)
from polar.exceptions import ResourceNotFound
from polar.kit.db.postgres import AsyncSession
from polar.kit.pagination import ListResource, PaginationParamsQuery
from polar.license_key.schemas import (
    ActivationNotPermitted,
    LicenseKeyActivate,
    LicenseKeyActivationRead,
    LicenseKeyDeactivate,
    LicenseKeyRead,
    LicenseKeyValidate,
    LicenseKeyWithActivations,
    NotFoundResponse,
    UnauthorizedResponse,
    ValidatedLicenseKey,
)
from polar.license_key.service import ROTATABLE_STATUSES, RotateNotPermitted
from polar.license_key.service import license_key as license_key_service
from polar.models import LicenseKey, LicenseKeyActivation
from polar.openapi import APITag
from polar.postgres import get_db_session
from polar.routing import APIRouter

from .. import auth

router = APIRouter(prefix="/license-keys", tags=["license_keys", APITag.public])

RotateNotPermittedResponse = {
    "description": (
        "License key cannot be rotated in its current status. "
        f"Allowed statuses: {', '.join(sorted(s.value for s in ROTATABLE_STATUSES))}."
    ),
    "model": RotateNotPermitted.schema(),
}

ACTIVATE_LICENSE_KEY_MINTLIFY_CONTENT = dedent(
    """
    <Tip>
      You only need to use this endpoint if you have device **activations** enabled on the license key benefit. You then use this endpoint to reserve an allocation for a specific device. Store the unique activation ID from the response on the device and use it as extra validation in the [/validate](/api-reference/customer_portal/validate-license-key) endpoint.

      Not using **activations**? Just use the [/validate](/api-reference/customer_portal/validate-license-key) endpoint directly instead.
    </Tip>
    """
).strip()


@router.get(
    "/",
    summary="List License Keys",
    response_model=ListResource[LicenseKeyRead],
    responses={
        401: UnauthorizedResponse,
        404: NotFoundResponse,
    },
)
async def list(
    auth_subject: auth.CustomerPortalUnionRead,
    pagination: PaginationParamsQuery,
    benefit_id: BenefitID | None = Query(
        None, description="Filter by a specific benefit"
    ),
    session: AsyncSession = Depends(get_db_session),
) -> ListResource[LicenseKeyRead]:
    results, count = await license_key_service.get_customer_list(
        session,
        auth_subject,
        benefit_id=benefit_id,
        pagination=pagination,
    )

    return ListResource.from_paginated_results(
        [LicenseKeyRead.model_validate(result) for result in results],
        count,
        pagination,
    )


@router.get(
    "/{id}",
    summary="Get License Key",
    response_model=LicenseKeyWithActivations,
    responses={404: NotFoundResponse},
)
async def get(
    auth_subject: auth.CustomerPortalUnionRead,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> LicenseKeyWithActivations:
    """Get a license key."""
    lk = await license_key_service.get_customer_license_key(session, auth_subject, id)
    if not lk:
        raise ResourceNotFound()

    ret = LicenseKeyWithActivations.model_validate(lk)
    properties = cast(BenefitLicenseKeysProperties, lk.benefit.properties)
    activations = properties.get("activations")
    if not (activations and activations.get("enable_customer_admin")):
        ret.activations = []

    return ret


@router.post(
    "/{id}/rotate",
    summary="Rotate License Key",
    response_model=LicenseKeyRead,
    responses={
        400: RotateNotPermittedResponse,
        401: UnauthorizedResponse,
        404: NotFoundResponse,
    },
)
async def rotate(
    auth_subject: auth.CustomerPortalUnionWrite,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> LicenseKey:
    """Rotate a license key.

    Generates a new key string for the same license key record. The previous
    key string immediately stops validating. Status, usage, limits, expiry,
    and activations are preserved.
    """
    lk = await license_key_service.get_customer_license_key(session, auth_subject, id)
    if not lk:
        raise ResourceNotFound()

    return await license_key_service.rotate(session, license_key=lk)


@router.post(
    "/validate",
    summary="Validate License Key",
    response_model=ValidatedLicenseKey,
    responses={
        404: NotFoundResponse,
    },
)
async def validate(
    validate: LicenseKeyValidate,
    session: AsyncSession = Depends(get_db_session),
) -> LicenseKey:
    """
     Validate a license key.

    > This endpoint doesn't require authentication and can be safely used on a public
    > client, like a desktop application or a mobile app.
    > If you plan to validate a license key on a server, use the `/v1/license-keys/validate`
    > endpoint instead.
    """
    license_key = await license_key_service.get_or_raise_by_key(
        session,
        organization_id=validate.organization_id,
        key=validate.key,
    )
    return await license_key_service.validate(
        session, license_key=license_key, validate=validate
    )


@router.post(
    "/activate",
    summary="Activate License Key",
    response_model=LicenseKeyActivationRead,
    responses={
        403: ActivationNotPermitted,
        404: NotFoundResponse,
    },
    openapi_extra={"x-mint": {"content": ACTIVATE_LICENSE_KEY_MINTLIFY_CONTENT}},
)
async def activate(
    activate: LicenseKeyActivate,
    session: AsyncSession = Depends(get_db_session),
) -> LicenseKeyActivation:
    """
    Activate a license key instance.

    > This endpoint doesn't require authentication and can be safely used on a public
    > client, like a desktop application or a mobile app.
    > If you plan to validate a license key on a server, use the `/v1/license-keys/activate`
    > endpoint instead.
    """
    lk = await license_key_service.get_or_raise_by_key(
        session,
        organization_id=activate.organization_id,
        key=activate.key,
    )
    return await license_key_service.activate(
        session, license_key=lk, activate=activate
    )


@router.post(
    "/deactivate",
    summary="Deactivate License Key",
    status_code=204,
    responses={
        204: {"description": "License key activation deactivated."},
        404: NotFoundResponse,
    },
)
async def deactivate(
    deactivate: LicenseKeyDeactivate,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    """
    Deactivate a license key instance.

    > This endpoint doesn't require authentication and can be safely used on a public
    > client, like a desktop application or a mobile app.
    > If you plan to validate a license key on a server, use the `/v1/license-keys/deactivate`
    > endpoint instead.
    """
    lk = await license_key_service.get_or_raise_by_key(
        session,
        organization_id=deactivate.organization_id,
        key=deactivate.key,
    )
    await license_key_service.deactivate(session, license_key=lk, deactivate=deactivate)

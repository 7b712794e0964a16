from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import stripe as stripe_lib
import structlog
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError

from polar.exceptions import PolarError
from polar.integrations.polar.service import polar_self as polar_self_service
from polar.integrations.stripe.service import stripe as stripe_service
from polar.kit.anonymization import anonymize_email_for_deletion
from polar.models import NotificationRecipient, User
from polar.models.user import IdentityVerificationStatus
from polar.organization.repository import OrganizationRepository
from polar.organization.service import organization as organization_service
from polar.postgres import AsyncSession
from polar.worker import enqueue_job

from .repository import UserRepository
from .schemas import (
    BlockingOrganization,
    UserDeletionBlockedReason,
    UserDeletionResponse,
    UserIdentityVerification,
    UserSignupAttribution,
    UserUpdate,
)

log = structlog.get_logger()


class UserError(PolarError): ...


class IdentityAlreadyVerified(UserError):
    def __init__(self, user_id: UUID) -> None:
        self.user_id = user_id
        message = "Your identity is already verified."
        super().__init__(message, 403)


class IdentityVerificationProcessing(UserError):
    def __init__(self, user_id: UUID) -> None:
        self.user_id = user_id
        message = "Your identity verification is still processing."
        super().__init__(message, 403)


class IdentityVerificationForUnknownUser(UserError):
    def __init__(self, identity_verification_id: str) -> None:
        self.identity_verification_id = identity_verification_id
        message = (
            f"Received identity verification {identity_verification_id} from Stripe, "
            "but it can't be attributed to any User."
        )
        super().__init__(message)


class InvalidAccount(UserError):
    def __init__(self, account_id: UUID) -> None:
        self.account_id = account_id
        message = (
            f"The account {account_id} does not exist or you don't have access to it."
        )
        super().__init__(message)


class UserService:
    async def get_by_email_or_create(
        self,
        session: AsyncSession,
        email: str,
        *,
        signup_attribution: UserSignupAttribution | None = None,
    ) -> tuple[User, bool]:
        repository = UserRepository.from_session(session)
        user = await repository.get_by_email(email)
        if user is not None:
            return (user, False)

        nested = await session.begin_nested()
        try:
            user = await self.create_by_email(
                session, email, signup_attribution=signup_attribution
            )
        except IntegrityError:
            await nested.rollback()
            user = await repository.get_by_email(email)
            if user is None:
                raise
            log.info("user.get_by_email_or_create.concurrent_creation", user_id=user.id)
            return (user, False)

        return (user, True)

    async def create_by_email(
        self,
        session: AsyncSession,
        email: str,
        signup_attribution: UserSignupAttribution | None = None,
    ) -> User:
        repository = UserRepository.from_session(session)
        user = await repository.create(
            User(
                email=email,
                oauth_accounts=[],
                signup_attribution=signup_attribution,
            ),
            flush=True,
        )
        enqueue_job("user.on_after_signup", user_id=user.id)
        return user

    async def update(
        self,
        session: AsyncSession,
        user: User,
        update_schema: UserUpdate,
        *,
        ip_address: str | None = None,
    ) -> User:
        update_dict = update_schema.model_dump(exclude_unset=True)

        if (
            update_dict.pop("accepted_terms_of_service", None) is True
            and not user.accepted_terms_of_service
        ):
            update_dict["accepted_terms_of_service_at"] = datetime.now(UTC)
            update_dict["accepted_terms_of_service_ip"] = ip_address

        previous_full_name = user.full_name
        repository = UserRepository.from_session(session)
        updated_user = await repository.update(user, update_dict=update_dict)

        if (
            updated_user.full_name is not None
            and updated_user.full_name != previous_full_name
        ):
            organization_repository = OrganizationRepository.from_session(session)
            organizations = await organization_repository.get_all_by_user(
                updated_user.id
            )
            for organization in organizations:
                polar_self_service.enqueue_update_member(
                    external_customer_id=str(organization.id),
                    external_id=str(updated_user.id),
                    name=updated_user.full_name,
                )

        return updated_user

    async def create_identity_verification(
        self, session: AsyncSession, user: User
    ) -> UserIdentityVerification:
        repository = UserRepository.from_session(session)
        user_update = await repository.get_by_id(user.id, for_update=True)
        assert user_update is not None
        user = user_update

        if user.identity_verified:
            raise IdentityAlreadyVerified(user.id)

        verification_session: stripe_lib.identity.VerificationSession | None = None
        if user.identity_verification_id is not None:
            verification_session = await stripe_service.get_verification_session(
                user.identity_verification_id
            )

        if verification_session is not None:
            match verification_session.status:
                case "verified":
                    raise IdentityAlreadyVerified(user.id)
                case "processing":
                    raise IdentityVerificationProcessing(user.id)
                case "requires_input":
                    pass
                case _:
                    verification_session = None

        if verification_session is None:
            verification_session = await stripe_service.create_verification_session(
                user
            )

        await repository.update(
            user, update_dict={"identity_verification_id": verification_session.id}
        )

        assert verification_session.client_secret is not None
        return UserIdentityVerification(
            id=verification_session.id, client_secret=verification_session.client_secret
        )

    async def _get_verification_session_user(
        self,
        repository: UserRepository,
        verification_session: stripe_lib.identity.VerificationSession,
    ) -> User:
        user = await repository.get_by_identity_verification_id(
            verification_session.id, for_update=True
        )
        if user is not None:
            return user

        metadata = verification_session.get("metadata") or {}
        user_id = metadata.get("user_id")
        if user_id is not None:
            user = await repository.get_by_id(UUID(user_id), for_update=True)
            if user is not None:
                return user

        raise IdentityVerificationForUnknownUser(verification_session.id)

    async def identity_verification_verified(
        self,
        session: AsyncSession,
        verification_session: stripe_lib.identity.VerificationSession,
    ) -> User:
        repository = UserRepository.from_session(session)
        user = await self._get_verification_session_user(
            repository, verification_session
        )

        assert verification_session.status == "verified"
        user = await repository.update(
            user,
            update_dict={
                "identity_verification_status": IdentityVerificationStatus.verified,
                "identity_verification_id": verification_session.id,
            },
        )

        organization_repository = OrganizationRepository.from_session(session)
        organizations = await organization_repository.get_all_by_owner_user(user.id)
        for organization in organizations:
            await organization_service.maybe_activate(session, organization)

        return user

    async def identity_verification_pending(
        self,
        session: AsyncSession,
        verification_session: stripe_lib.identity.VerificationSession,
    ) -> User:
        repository = UserRepository.from_session(session)
        user = await self._get_verification_session_user(
            repository, verification_session
        )

        if user.identity_verification_id != verification_session.id:
            return user

        # Once a user is verified, keep them verified: a late `processing` webhook
        # must not overwrite it. A failed user can retry, so `failed` -> `pending` is fine.
        if user.identity_verified:
            return user

        assert verification_session.status == "processing"
        return await repository.update(
            user,
            update_dict={
                "identity_verification_status": IdentityVerificationStatus.pending
            },
        )

    async def identity_verification_failed(
        self,
        session: AsyncSession,
        verification_session: stripe_lib.identity.VerificationSession,
    ) -> User:
        repository = UserRepository.from_session(session)
        user = await self._get_verification_session_user(
            repository, verification_session
        )

        if user.identity_verification_id != verification_session.id:
            return user

        # Once a user is verified, keep them verified. An old or repeated webhook
        # from a past attempt must not undo it.
        if user.identity_verified:
            return user

        # TODO: should we send an email?

        return await repository.update(
            user,
            update_dict={
                "identity_verification_status": IdentityVerificationStatus.failed
            },
        )

    async def get_identity_verified_country(self, user: User) -> str | None:
        if user.identity_verification_id is None:
            return None
        try:
            vs = await stripe_service.get_verification_session(
                user.identity_verification_id,
                expand=["verified_outputs", "last_verification_report"],
            )
            # Try verified address country first
            verified_outputs = getattr(vs, "verified_outputs", None)
            if verified_outputs:
                address = getattr(verified_outputs, "address", None)
                if address and address.country:
                    return address.country
            # Fall back to document issuing country from the verification report
            report = getattr(vs, "last_verification_report", None)
            if report:
                document = getattr(report, "document", None)
                if document:
                    issuing_country = getattr(document, "issuing_country", None)
                    if issuing_country:
                        return issuing_country
        except stripe_lib.StripeError:
            log.warning(
                "get_identity_verified_country.fetch_failed",
                identity_verification_id=user.identity_verification_id,
            )
        return None

    async def delete_identity_verification(
        self, session: AsyncSession, user: User
    ) -> User:
        """Delete identity verification for a user.

        Resets the user's identity verification status to unverified and
        redacts the verification session in Stripe.
        """
        repository = UserRepository.from_session(session)

        if user.identity_verification_id is not None:
            try:
                await stripe_service.redact_verification_session(
                    user.identity_verification_id
                )
            except stripe_lib.InvalidRequestError as e:
                log.warning(
                    "stripe.identity.verification_session.redact.not_found",
                    identity_verification_id=user.identity_verification_id,
                    error=str(e),
                )

        return await repository.update(
            user,
            update_dict={
                "identity_verification_status": IdentityVerificationStatus.unverified,
                "identity_verification_id": None,
            },
        )

    async def check_can_delete(
        self,
        session: AsyncSession,
        user: User,
    ) -> UserDeletionResponse:
        """Check if a user can be deleted.

        A user can be deleted if all organizations they are members of
        are soft-deleted (deleted_at is not None).
        """
        blocked_reasons: list[UserDeletionBlockedReason] = []
        blocking_organizations: list[BlockingOrganization] = []

        # Get all organizations the user is a member of (excluding deleted orgs)
        org_repository = OrganizationRepository.from_session(session)
        organizations = await org_repository.get_all_by_user(user.id)

        if organizations:
            blocked_reasons.append(UserDeletionBlockedReason.HAS_ACTIVE_ORGANIZATIONS)
            for org in organizations:
                blocking_organizations.append(
                    BlockingOrganization(id=org.id, slug=org.slug, name=org.name)
                )

        return UserDeletionResponse(
            deleted=False,
            blocked_reasons=blocked_reasons,
            blocking_organizations=blocking_organizations,
        )

    async def request_deletion(
        self,
        session: AsyncSession,
        user: User,
    ) -> UserDeletionResponse:
        """Request deletion of the user account.

        Flow:
        1. Check if user has any active organizations -> block if yes
        2. Soft delete the user

        Note: The user's Account (payout account) is not deleted here.
        Accounts are tied to organizations and should be deleted when the
        organization is deleted, not when the user account is deleted.
        """
        check_result = await self.check_can_delete(session, user)

        if check_result.blocked_reasons:
            return check_result

        # Soft delete the user
        await self.soft_delete_user(session, user)

        return UserDeletionResponse(
            deleted=True,
            blocked_reasons=[],
            blocking_organizations=[],
        )

    async def soft_delete_user(
        self,
        session: AsyncSession,
        user: User,
    ) -> User:
        """Soft-delete a user, anonymizing PII fields."""
        repository = UserRepository.from_session(session)

        update_dict: dict[str, Any] = {}

        update_dict["email"] = anonymize_email_for_deletion(user.email, user.created_at)

        if user.avatar_url:
            update_dict["avatar_url"] = None

        if user.meta:
            update_dict["meta"] = {}

        user = await repository.update(user, update_dict=update_dict)
        await repository.soft_delete(user)

        await self._delete_oauth_accounts(session, user)
        await self._delete_notification_recipients(session, user)

        log.info("user.deleted", user_id=user.id)

        return user

    async def _delete_oauth_accounts(self, session: AsyncSession, user: User) -> None:
        """Delete all OAuth accounts for a user."""
        for account in user.oauth_accounts:
            await session.delete(account)

    async def _delete_notification_recipients(
        self,
        session: AsyncSession,
        user: User,
    ) -> None:
        """Soft-delete all notification recipients for a user."""
        stmt = (
            update(NotificationRecipient)
            .where(NotificationRecipient.user_id == user.id)
            .where(~NotificationRecipient.is_deleted)
            .values(deleted_at=func.now())
        )
        await session.execute(stmt)

        log.info(
            "user.notification_recipients_deleted",
            user_id=user.id,
        )


user = UserService()

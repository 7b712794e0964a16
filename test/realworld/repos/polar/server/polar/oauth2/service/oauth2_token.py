import time
from typing import cast
from uuid import UUID

import structlog
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from polar.config import Environment, settings
from polar.email.schemas import OAuth2LeakedTokenEmail, OAuth2LeakedTokenProps
from polar.email.sender import enqueue_email_template
from polar.enums import TokenType
from polar.kit.crypto import get_token_hash
from polar.kit.services import ResourceServiceReader
from polar.logging import Logger
from polar.models import OAuth2Token, User
from polar.oauth2.repository import OAuth2TokenRepository
from polar.postgres import AsyncSession
from polar.user_organization.service import (
    user_organization as user_organization_service,
)

log: Logger = structlog.get_logger()

# TEMPORARY: the Polar app (iOS/Android/web, @polar-sh/app) does not refresh
# its access tokens and crashes on 401. Until the app's auth flow is fixed,
# expired tokens issued to it are still accepted but logged. Source of truth
# for these IDs: clients/apps/app/hooks/oauth.ts.
_APP_CLIENT_IDS: dict[Environment, str] = {
    Environment.production: "polar_ci_yZLBGwoWZVsOdfN5CODRwVSTlJfwJhXqwg65e2CuNMZ",
    Environment.development: "polar_ci_hbFdMZZRghgdm2F4LMceQSrcQNunmjlh6ukGJ1dG0Vg",
}
APP_CLIENT_ID: str | None = _APP_CLIENT_IDS.get(settings.ENV)


class OAuth2TokenService(ResourceServiceReader[OAuth2Token]):
    async def get_by_access_token(
        self, session: AsyncSession, access_token: str
    ) -> OAuth2Token | None:
        access_token_hash = get_token_hash(access_token, secret=settings.SECRET)
        statement = (
            select(OAuth2Token)
            .where(OAuth2Token.access_token == access_token_hash)
            .options(joinedload(OAuth2Token.client))
        )
        result = await session.execute(statement)
        token = result.unique().scalar_one_or_none()

        if token is None:
            return None

        if cast(bool, token.is_revoked()):
            return None

        if cast(bool, token.is_expired()):
            if token.client_id != APP_CLIENT_ID:
                return None
            log.warning(
                "Allowing expired access token from Polar app client",
                token_id=token.id,
                client_id=token.client_id,
                expires_at=token.expires_at,
                expired_seconds_ago=int(time.time()) - token.expires_at,
            )

        if not token.sub.can_authenticate:
            return None

        return token

    async def delete_expired(self, session: AsyncSession) -> None:
        repository = OAuth2TokenRepository.from_session(session)
        exclude_client_ids: list[str] = []
        if APP_CLIENT_ID is not None:
            exclude_client_ids.append(APP_CLIENT_ID)
        await repository.delete_expired(exclude_client_ids=exclude_client_ids)

    async def revoke_for_sso_enforcement(
        self, session: AsyncSession, organization_id: UUID
    ) -> None:
        """Revoke tokens scoped to an organization once it enforces SSO.

        Such tokens were scoped before enforcement (so through a non-SSO session);
        revoking forces the app to re-consent through SSO. Unrestricted tokens are
        handled at request time and are left untouched here.
        """
        repository = OAuth2TokenRepository.from_session(session)
        await repository.revoke_scoped_to_organization(organization_id)

    async def revoke_leaked(
        self,
        session: AsyncSession,
        token: str,
        token_type: TokenType,
        *,
        notifier: str,
        url: str | None = None,
    ) -> bool:
        statement = select(OAuth2Token).options(
            joinedload(OAuth2Token.user),
            joinedload(OAuth2Token.organization),
            joinedload(OAuth2Token.client),
        )

        if token_type == TokenType.access_token:
            statement = statement.where(
                OAuth2Token.access_token
                == get_token_hash(token, secret=settings.SECRET)
            )
        elif token_type == TokenType.refresh_token:
            statement = statement.where(
                OAuth2Token.refresh_token
                == get_token_hash(token, secret=settings.SECRET)
            )
        else:
            raise ValueError(f"Unsupported token type: {token_type}")

        result = await session.execute(statement)
        oauth2_token = result.unique().scalar_one_or_none()

        if oauth2_token is None:
            return False

        if cast(bool, oauth2_token.is_revoked()):
            return True

        # Revoke
        oauth2_token.access_token_revoked_at = int(time.time())  # pyright: ignore
        oauth2_token.refresh_token_revoked_at = int(time.time())  # pyright: ignore
        session.add(oauth2_token)

        # Notify
        recipients: list[str]
        sub = oauth2_token.sub
        if isinstance(sub, User):
            recipients = [sub.email]
        else:
            members = await user_organization_service.list_by_org(session, sub.id)
            recipients = [member.user.email for member in members]

        oauth2_client = oauth2_token.client

        for recipient in recipients:
            enqueue_email_template(
                OAuth2LeakedTokenEmail(
                    props=OAuth2LeakedTokenProps(
                        email=recipient,
                        client_name=cast(str, oauth2_client.client_name),
                        notifier=notifier,
                        url=url or "",
                    )
                ),
                to_email_addr=recipient,
                subject="Security Notice - Your Polar Access Token has been leaked",
            )

        log.info(
            "Revoke leaked access token and refresh token",
            id=oauth2_token.id,
            token_type=token_type,
            notifier=notifier,
            url=url,
        )

        return True


oauth2_token = OAuth2TokenService(OAuth2Token)

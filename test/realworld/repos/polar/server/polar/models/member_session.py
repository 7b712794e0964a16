from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode
from uuid import UUID

from sqlalchemy import CHAR, TIMESTAMP, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from polar.config import settings
from polar.kit.db.models.base import RecordModel
from polar.kit.utils import utc_now

if TYPE_CHECKING:
    from .customer import Customer

from .member import Member

MEMBER_SESSION_TOKEN_PREFIX = "polar_mst_"


def get_expires_at() -> datetime:
    return utc_now() + settings.CUSTOMER_SESSION_TTL


class MemberSession(RecordModel):
    __tablename__ = "member_sessions"

    token: Mapped[str] = mapped_column(CHAR(64), unique=True, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(
        TIMESTAMP(timezone=True), nullable=False, index=True, default=get_expires_at
    )
    return_url: Mapped[str | None] = mapped_column(String, nullable=True, default=None)

    member_id: Mapped[UUID] = mapped_column(
        Uuid, ForeignKey("members.id", ondelete="cascade"), nullable=False, index=True
    )

    @declared_attr
    def member(cls) -> Mapped[Member]:
        return relationship(Member, lazy="joined")

    @property
    def raw_token(self) -> str | None:
        return getattr(self, "_raw_token", None)

    @raw_token.setter
    def raw_token(self, value: str) -> None:
        self._raw_token = value

    @property
    def member_portal_url(self) -> str:
        query_string = urlencode(
            {"member_session_token": self.raw_token, "email": self.member.email}
        )
        return settings.generate_frontend_url(
            f"/{self.member.customer.organization.slug}/portal?{query_string}"
        )

    @property
    def customer_id(self) -> UUID:
        """Return the customer ID from the member relationship."""
        return self.member.customer_id

    @property
    def customer(self) -> "Customer":
        """Return the customer from the member relationship."""
        return self.member.customer

    @property
    def customer_portal_url(self) -> str:
        """
        Return the customer portal URL for API compatibility with CustomerSession.
        """
        query_string = urlencode(
            {"customer_session_token": self.raw_token, "email": self.member.email}
        )
        return settings.generate_frontend_url(
            f"/{self.member.customer.organization.slug}/portal?{query_string}"
        )

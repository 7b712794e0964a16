from datetime import datetime
from enum import StrEnum
from uuid import UUID

from sqlalchemy import (
    TIMESTAMP,
    ForeignKey,
    Index,
    Integer,
    String,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from polar.kit.db.models import RecordModel

from .benefit import Benefit
from .customer import Customer
from .file import File
from .member import Member


class DownloadableStatus(StrEnum):
    granted = "granted"
    revoked = "revoked"


class Downloadable(RecordModel):
    __tablename__ = "downloadables"
    __table_args__ = (
        # Member-aware uniqueness, matching benefit_grants: each member holding the
        # benefit gets their own row. NULLS NOT DISTINCT keeps customer-level
        # (member_id IS NULL) grants idempotent for products without members, and
        # the partial WHERE excludes soft-deleted rows from the constraint.
        Index(
            "ix_downloadables_scope_unique",
            "customer_id",
            "member_id",
            "file_id",
            "benefit_id",
            unique=True,
            postgresql_nulls_not_distinct=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    file_id: Mapped[UUID] = mapped_column(
        Uuid, ForeignKey("files.id"), nullable=False, index=True
    )

    @declared_attr
    def file(cls) -> Mapped[File]:
        return relationship(File, lazy="raise")

    status: Mapped[DownloadableStatus] = mapped_column(String, nullable=False)

    customer_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("customers.id", ondelete="cascade"),
        nullable=False,
        # The scope unique index is partial (deleted_at IS NULL) so it doesn't
        # cover soft-deleted rows; keep a full index for customer_id lookups and
        # FK cascade deletes, like benefit_grants does.
        index=True,
    )

    @declared_attr
    def customer(cls) -> Mapped[Customer]:
        return relationship("Customer", lazy="raise")

    member_id: Mapped[UUID | None] = mapped_column(
        Uuid,
        ForeignKey("members.id", ondelete="cascade"),
        nullable=True,
        index=True,
    )

    @declared_attr
    def member(cls) -> Mapped[Member | None]:
        return relationship("Member", lazy="raise")

    benefit_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("benefits.id", ondelete="cascade"),
        nullable=False,
        index=True,
    )

    @declared_attr
    def benefit(cls) -> Mapped[Benefit]:
        return relationship("Benefit", lazy="raise")

    downloaded: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    last_downloaded_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True),
        nullable=True,
    )

from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from polar.kit.db.models import RecordModel
from polar.kit.extensions.sqlalchemy.types import StringEnum

if TYPE_CHECKING:
    from polar.models.merchant_migration import MerchantMigration
    from polar.models.organization import Organization


class MerchantMigrationRecordType(StrEnum):
    customer = "customer"
    product = "product"
    subscription = "subscription"
    order = "order"
    discount = "discount"


class MerchantMigrationRecordStatus(StrEnum):
    pending = "pending"
    imported = "imported"
    skipped = "skipped"
    failed = "failed"


class MerchantMigrationCutoverStatus(StrEnum):
    """What the cutover did with an imported subscription.

    Only subscription records ever carry one, and only once the cutover has
    looked at them: ``None`` means "not attempted", which is also what every
    other record type keeps forever.
    """

    # Polar bills it from now on, and the source subscription is stopped.
    moved = "moved"
    # Deliberately left on the source, with a reason the merchant can act on.
    skipped = "skipped"
    # Something unexpected went wrong. Safe to retry.
    failed = "failed"


class MerchantMigrationRecord(RecordModel):
    """One imported thing, mapping a source object to its Polar counterpart.

    The idempotency layer: scoped per organization by (type, source_id), so a
    migration can be retried and multiple runs can reuse already-imported
    records safely.
    """

    __tablename__ = "merchant_migration_records"
    __table_args__ = (
        Index(
            "ix_merchant_migration_records_organization_id_type_source_id",
            "organization_id",
            "type",
            "source_id",
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    merchant_migration_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("merchant_migrations.id", ondelete="cascade"),
        nullable=False,
        index=True,
    )
    organization_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("organizations.id", ondelete="cascade"),
        nullable=False,
        index=True,
    )
    type: Mapped[MerchantMigrationRecordType] = mapped_column(
        StringEnum(MerchantMigrationRecordType, length=32), nullable=False
    )
    status: Mapped[MerchantMigrationRecordStatus] = mapped_column(
        StringEnum(MerchantMigrationRecordStatus, length=32),
        nullable=False,
        default=MerchantMigrationRecordStatus.pending,
    )
    source_id: Mapped[str] = mapped_column(String, nullable=False)
    # The Polar object created or reused for this record, once imported.
    target_id: Mapped[UUID | None] = mapped_column(Uuid, nullable=True, default=None)
    # Normalized in-memory representation (CanonicalRecord) captured at import.
    canonical: Mapped[dict[str, Any]] = mapped_column(
        JSONB, nullable=False, default=dict
    )
    # Why a record was skipped or failed.
    error: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)
    # Cutover outcome for an imported subscription. Null until the cutover looks
    # at it, so the cutover can pick up exactly what it hasn't settled yet.
    cutover_status: Mapped[MerchantMigrationCutoverStatus | None] = mapped_column(
        StringEnum(MerchantMigrationCutoverStatus, length=32),
        nullable=True,
        default=None,
    )
    # Why the cutover skipped or failed this subscription.
    cutover_error: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)

    @declared_attr
    def merchant_migration(cls) -> Mapped["MerchantMigration"]:
        return relationship("MerchantMigration", lazy="raise")

    @declared_attr
    def organization(cls) -> Mapped["Organization"]:
        return relationship("Organization", lazy="raise")

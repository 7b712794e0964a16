import functools
import operator
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Self, TypeVar
from uuid import UUID

from sqlalchemy import (
    TIMESTAMP,
    BigInteger,
    Boolean,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    Uuid,
    cast,
    event,
    select,
    type_coerce,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.orm.attributes import OP_BULK_REPLACE, Event

from polar.config import settings
from polar.custom_field.data import CustomFieldDataMixin
from polar.enums import MeterInterval, SubscriptionRecurringInterval, TaxBehavior
from polar.kit.db.models import RecordModel
from polar.kit.extensions.sqlalchemy.types import StringEnum
from polar.kit.metadata import MetadataMixin
from polar.kit.utils import utc_now
from polar.product.guard import is_metered_price

from .product_price import ProductPrice
from .subscription_meter import SubscriptionMeter
from .subscription_product_price import SubscriptionProductPrice

if TYPE_CHECKING:
    from . import (
        BenefitGrant,
        Checkout,
        Customer,
        CustomerSeat,
        Discount,
        Meter,
        Order,
        Organization,
        PaymentMethod,
        Product,
        SubscriptionUpdate,
    )

PP = TypeVar("PP", bound="ProductPrice")


class SubscriptionStatus(StrEnum):
    incomplete = "incomplete"
    incomplete_expired = "incomplete_expired"
    trialing = "trialing"
    active = "active"
    past_due = "past_due"
    canceled = "canceled"
    unpaid = "unpaid"
    paused = "paused"

    @classmethod
    def incomplete_statuses(cls) -> set[Self]:
        return {cls.incomplete, cls.incomplete_expired}  # pyright: ignore

    @classmethod
    def active_statuses(cls) -> set[Self]:
        return {cls.trialing, cls.active}  # pyright: ignore

    @classmethod
    def revoked_statuses(cls) -> set[Self]:
        return {cls.canceled, cls.unpaid}  # pyright: ignore

    @classmethod
    def billable_statuses(cls) -> set[Self]:
        return cls.active_statuses() | {cls.past_due}  # pyright: ignore

    @classmethod
    def is_incomplete(cls, status: Self) -> bool:
        return status in cls.incomplete_statuses()

    @classmethod
    def is_active(cls, status: Self) -> bool:
        return status in cls.active_statuses()

    @classmethod
    def is_revoked(cls, status: Self) -> bool:
        return status in cls.revoked_statuses()

    @classmethod
    def is_billable(cls, status: Self) -> bool:
        return status in cls.billable_statuses()


class CustomerCancellationReason(StrEnum):
    customer_service = "customer_service"
    low_quality = "low_quality"
    missing_features = "missing_features"
    switched_service = "switched_service"
    too_complex = "too_complex"
    too_expensive = "too_expensive"
    unused = "unused"
    other = "other"


class Subscription(CustomFieldDataMixin, MetadataMixin, RecordModel):
    __tablename__ = "subscriptions"
    __table_args__ = (
        Index("ix_subscriptions_customer_id_status", "customer_id", "status"),
        Index(
            "ix_subscriptions_status_current_period_end",
            "status",
            "current_period_end",
        ),
        Index(
            "ix_subscriptions_cycle_schedule",
            "current_period_end",
            postgresql_where=(
                "scheduler_locked_at IS NULL "
                "AND status IN ('trialing', 'active') "
                "AND current_period_end IS NOT NULL"
            ),
        ),
        Index(
            "ix_subscriptions_resume_schedule",
            "resumes_at",
            postgresql_where=(
                "scheduler_locked_at IS NULL "
                "AND status = 'paused' "
                "AND resumes_at IS NOT NULL"
            ),
        ),
    )

    amount: Mapped[int] = mapped_column("amount_v2", BigInteger, nullable=False)
    net_amount: Mapped[int] = mapped_column("net_amount_v2", BigInteger, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    recurring_interval: Mapped[SubscriptionRecurringInterval] = mapped_column(
        StringEnum(SubscriptionRecurringInterval), nullable=False, index=True
    )
    recurring_interval_count: Mapped[int] = mapped_column(Integer, nullable=False)

    meter_interval: Mapped[MeterInterval | None] = mapped_column(
        StringEnum(MeterInterval), nullable=True, default=None
    )
    """
    Meter cycle snapshotted from the product at creation, independent of the billing
    interval. When set, the metered concerns (overage settlement, meter resets and
    meter-credit grants) run on this cadence via the meter clock below. When unset,
    they follow the billing interval, exactly as before.
    """
    meter_interval_count: Mapped[int | None] = mapped_column(
        Integer, nullable=True, default=None
    )

    legacy_stripe_subscription_id: Mapped[str | None] = mapped_column(
        String, nullable=True, index=True, default=None
    )
    """
    Original ID of the subscription in Stripe.

    If set, indicates that the subscription was originally managed by Stripe Billing,
    but has been migrated to be managed by Polar.
    """

    tax_behavior: Mapped[TaxBehavior | None] = mapped_column(
        StringEnum(TaxBehavior), nullable=True, default=None
    )
    """
    Store the tax behavior of the subscription so we remain consistent in case of
    product or organization default changes.
    """
    tax_exempted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """
    Whether the subscription is tax exempted.

    We use this to disable tax on subscriptions created before we were
    registered in a given country, so we don't surprise customers with
    tax charges.
    """

    status: Mapped[SubscriptionStatus] = mapped_column(
        StringEnum(SubscriptionStatus), nullable=False
    )
    anchor_day: Mapped[int] = mapped_column(SmallInteger, nullable=False, default=None)
    current_period_start: Mapped[datetime] = mapped_column(
        TIMESTAMP(timezone=True), nullable=False
    )
    current_period_end: Mapped[datetime] = mapped_column(
        TIMESTAMP(timezone=True), nullable=False, default=None
    )
    current_meter_period_start: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )
    """
    Start of the current meter period. Only set when ``meter_interval`` is set; the
    meter clock is advanced by the meter-cycle task independently of the billing clock.
    """
    current_meter_period_end: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )
    """
    End of the current meter period. The scheduler wakes the subscription at whichever
    of ``current_period_end`` / ``current_meter_period_end`` fires first.
    """
    trial_start: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )
    trial_end: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, nullable=False)
    canceled_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )
    started_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )
    ends_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )
    ended_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )
    past_due_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )

    pause_at_period_end: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False
    )
    paused_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )
    resumes_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )

    scheduler_locked_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None, index=True
    )

    customer_id: Mapped[UUID] = mapped_column(
        Uuid, ForeignKey("customers.id", ondelete="cascade"), nullable=False
    )

    @declared_attr
    def customer(cls) -> Mapped["Customer"]:
        return relationship("Customer", lazy="raise")

    organization_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("organizations.id", ondelete="restrict"),
        nullable=False,
        index=True,
    )

    @declared_attr
    def organization(cls) -> Mapped["Organization"]:
        return relationship("Organization", lazy="raise")

    payment_method_id: Mapped[UUID | None] = mapped_column(
        Uuid,
        ForeignKey("payment_methods.id", ondelete="set null"),
        nullable=True,
        index=True,
    )

    @declared_attr
    def payment_method(cls) -> Mapped["PaymentMethod | None"]:
        return relationship("PaymentMethod", lazy="raise")

    product_id: Mapped[UUID] = mapped_column(
        Uuid,
        ForeignKey("products.id", ondelete="cascade"),
        nullable=False,
        index=True,
    )

    @declared_attr
    def product(cls) -> Mapped["Product"]:
        return relationship("Product", lazy="raise")

    subscription_product_prices: Mapped[list["SubscriptionProductPrice"]] = (
        relationship(
            "SubscriptionProductPrice",
            back_populates="subscription",
            cascade="all, delete-orphan",
            # Prices are almost always needed, so eager loading makes sense
            lazy="selectin",
        )
    )

    prices: AssociationProxy[list["ProductPrice"]] = association_proxy(
        "subscription_product_prices", "product_price"
    )

    discount_id: Mapped[UUID | None] = mapped_column(
        Uuid, ForeignKey("discounts.id", ondelete="set null"), nullable=True, index=True
    )

    discount_applied_at: Mapped[datetime | None] = mapped_column(
        TIMESTAMP(timezone=True), nullable=True, default=None
    )
    """Timestamp when the discount was first applied to a billing cycle."""

    @declared_attr
    def discount(cls) -> Mapped["Discount | None"]:
        return relationship("Discount", lazy="joined")

    meters: Mapped[list[SubscriptionMeter]] = relationship(
        SubscriptionMeter,
        order_by="SubscriptionMeter.created_at",
        back_populates="subscription",
        cascade="all, delete-orphan",
        # Eager load
        lazy="selectin",
    )

    checkout_id: Mapped[UUID | None] = mapped_column(
        Uuid, ForeignKey("checkouts.id", ondelete="set null"), nullable=True, index=True
    )

    customer_cancellation_reason: Mapped[CustomerCancellationReason | None] = (
        mapped_column(String, nullable=True)
    )
    customer_cancellation_comment: Mapped[str | None] = mapped_column(
        Text, nullable=True
    )

    seats: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    units: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)

    @declared_attr
    def checkout(cls) -> Mapped["Checkout | None"]:
        return relationship(
            "Checkout",
            lazy="raise",
            foreign_keys=[cls.checkout_id],  # type: ignore
        )

    @declared_attr
    def grants(cls) -> Mapped[list["BenefitGrant"]]:
        return relationship(
            "BenefitGrant",
            lazy="raise",
            order_by="BenefitGrant.benefit_id",
            back_populates="subscription",
        )

    @declared_attr
    def customer_seats(cls) -> Mapped[list["CustomerSeat"]]:
        return relationship(
            "CustomerSeat",
            lazy="raise",
            back_populates="subscription",
            cascade="all, delete-orphan",
        )

    @declared_attr
    def pending_update(cls) -> Mapped["SubscriptionUpdate | None"]:
        return relationship(
            "SubscriptionUpdate",
            lazy="raise",
            uselist=False,
            viewonly=True,
            primaryjoin="and_(Subscription.id == SubscriptionUpdate.subscription_id, SubscriptionUpdate.applied_at == None, SubscriptionUpdate.deleted_at == None)",
        )

    def is_incomplete(self) -> bool:
        return SubscriptionStatus.is_incomplete(self.status)

    @hybrid_property
    def trialing(self) -> bool:
        return self.status == SubscriptionStatus.trialing

    @trialing.inplace.expression
    @classmethod
    def _trialing_expression(cls) -> ColumnElement[bool]:
        return cls.status == SubscriptionStatus.trialing

    @hybrid_property
    def active(self) -> bool:
        return SubscriptionStatus.is_active(self.status)

    @active.inplace.expression
    @classmethod
    def _active_expression(cls) -> ColumnElement[bool]:
        return type_coerce(
            cls.status.in_(SubscriptionStatus.active_statuses()),
            Boolean,
        )

    @hybrid_property
    def revoked(self) -> bool:
        return SubscriptionStatus.is_revoked(self.status)

    @revoked.inplace.expression
    @classmethod
    def _revoked_expression(cls) -> ColumnElement[bool]:
        return type_coerce(
            cls.status.in_(SubscriptionStatus.revoked_statuses()),
            Boolean,
        )

    @hybrid_property
    def paused(self) -> bool:
        return self.status == SubscriptionStatus.paused

    @paused.inplace.expression
    @classmethod
    def _paused_expression(cls) -> ColumnElement[bool]:
        return cls.status == SubscriptionStatus.paused

    @hybrid_property
    def canceled(self) -> bool:
        return self.canceled_at is not None

    @canceled.inplace.expression
    @classmethod
    def _canceled_expression(cls) -> ColumnElement[bool]:
        return cls.canceled_at.is_not(None)

    def initialize_meter_period(self, start: datetime | None) -> None:
        """
        Initialize (or clear) the meter clock from the snapshotted ``meter_interval``.

        Set only when a meter cycle is configured and a ``start`` is given; otherwise
        cleared. During a trial ``start`` is ``None`` and the clock stays empty until
        conversion, mirroring how the billing period behaves.
        """
        if (
            start is None
            or self.meter_interval is None
            or self.meter_interval_count is None
        ):
            self.current_meter_period_start = None
            self.current_meter_period_end = None
            return
        self.current_meter_period_start = start
        self.current_meter_period_end = self.meter_interval.get_next_period(
            start, self.anchor_day, self.meter_interval_count
        )

    @hybrid_property
    def billable(self) -> bool:
        return SubscriptionStatus.is_billable(self.status)

    @billable.inplace.expression
    @classmethod
    def _billable_expression(cls) -> ColumnElement[bool]:
        return type_coerce(
            cls.status.in_(SubscriptionStatus.billable_statuses()),
            Boolean,
        )

    @hybrid_property
    def requires_payment_method(self) -> bool:
        """Whether a payment method is still needed to bill this subscription."""
        if self.status == SubscriptionStatus.paused:
            return self.resumes_at is not None
        if not self.billable:
            return False
        if SubscriptionStatus.is_active(self.status) and self.cancel_at_period_end:
            return any(is_metered_price(price) for price in self.prices)
        return True

    @requires_payment_method.inplace.expression
    @classmethod
    def _requires_payment_method_expression(cls) -> ColumnElement[bool]:
        has_metered_price = (
            select(SubscriptionProductPrice.subscription_id)
            .join(
                ProductPrice,
                ProductPrice.id == SubscriptionProductPrice.product_price_id,
            )
            .where(
                SubscriptionProductPrice.subscription_id == cls.id,
                ProductPrice.is_metered,
            )
            .exists()
        )
        scheduled_resume = (cls.status == SubscriptionStatus.paused) & (
            cls.resumes_at.is_not(None)
        )
        return type_coerce(
            scheduled_resume
            | (
                cls.status.in_(SubscriptionStatus.billable_statuses())
                & (
                    ~cls.status.in_(SubscriptionStatus.active_statuses())
                    | ~cls.cancel_at_period_end
                    | has_metered_price
                )
            ),
            Boolean,
        )

    @hybrid_property
    def past_due_deadline(self) -> datetime | None:
        if self.past_due_at is None:
            return None
        return (
            self.past_due_at
            + functools.reduce(operator.add, settings.DUNNING_RETRY_INTERVALS)
            + timedelta(minutes=1)  # Add a minute to make sure we are past the deadline
        )

    @past_due_deadline.inplace.expression
    @classmethod
    def _past_due_deadline_expression(cls) -> ColumnElement[datetime]:
        total_interval = functools.reduce(
            operator.add, settings.DUNNING_RETRY_INTERVALS
        ) + timedelta(minutes=1)
        return cast(cls.past_due_at + total_interval, TIMESTAMP(timezone=True))

    def can_cancel(self, immediately: bool = False) -> bool:
        # A paused subscription isn't billable, but can still be revoked
        # immediately instead of having to be resumed first.
        if immediately and self.status == SubscriptionStatus.paused:
            return self.ended_at is None

        if not SubscriptionStatus.is_billable(self.status):
            return False

        if self.ended_at:
            return False

        if immediately:
            return True

        return not (self.cancel_at_period_end or self.ends_at)

    def can_uncancel(self) -> bool:
        return (
            self.cancel_at_period_end
            and self.status in SubscriptionStatus.billable_statuses()
        )

    def can_pause(self) -> bool:
        return (
            self.status == SubscriptionStatus.active
            and not self.cancel_at_period_end
            and not self.pause_at_period_end
            and self.ends_at is None
        )

    def can_cancel_scheduled_pause(self) -> bool:
        return bool(self.pause_at_period_end) and (
            self.status == SubscriptionStatus.active
        )

    def can_resume(self) -> bool:
        return self.status == SubscriptionStatus.paused

    def can_reinstate(self) -> bool:
        if (
            self.status != SubscriptionStatus.canceled
            or self.customer.is_deleted
            or self.organization.is_deleted
            or not self.organization.can_renew_subscriptions
        ):
            return False

        return not self.is_period_lapsed()

    def is_period_lapsed(self, period_end: datetime | None = None) -> bool:
        """More than one renewal has gone by unbilled.

        The scheduler catches a subscription up one period at a time, so past
        this point it would issue an order per period nobody billed.
        """
        end = period_end if period_end is not None else self.current_period_end
        now = utc_now()
        if end > now:
            return False
        next_end = self.recurring_interval.get_next_period(
            end, self.anchor_day, self.recurring_interval_count
        )
        return next_end <= now

    def update_amount_and_currency(
        self, prices: Sequence["SubscriptionProductPrice"], discount: "Discount | None"
    ) -> None:
        amount = sum(price.amount for price in prices)
        if discount is not None:
            amount -= discount.get_discount_amount(amount, self.currency)

        # Preserve the net/gross ratio across the amount change. The customer's
        # effective tax rate is fixed (single tax code, stable address) and recurring
        # orders bill against subscription.tax_behavior, which is pinned at creation —
        # so the ratio the first charge established stays valid even across plan
        # changes. Cold start (creation, or free becoming paid) has no ratio: fall
        # back to gross and let the next order derive the real net.
        # TODO: once a plan change can move subscription.tax_behavior, reset to gross
        # when the new behavior isn't inclusive instead of carrying the old ratio.
        previous_amount = self.amount
        previous_net_amount = self.net_amount
        self.amount = amount
        if previous_amount:
            self.net_amount = round(amount * previous_net_amount / previous_amount)
        else:
            self.net_amount = amount

    def update_net_amount_from(self, charge: "Order | Checkout") -> None:
        """
        Derive net_amount from the tax treatment of a charge (an order or checkout).

        net_amount is the recurring amount net of inclusive tax. The fraction the
        charge applied is uniform across its recurring, proration and metered line
        items, so we reapply it to the subscription's own amount: tax-inclusive
        charges back the tax out, tax-exclusive charges leave net_amount equal to
        amount. Charges with no usable tax treatment ($0/credit, or a failed tax
        calculation) are skipped so they can't overwrite a previously derived value.
        """
        taxable_total = charge.net_amount + (charge.tax_amount or 0)
        if charge.tax_behavior is None or taxable_total <= 0:
            return
        if charge.tax_behavior == TaxBehavior.inclusive:
            self.net_amount = round(self.amount * charge.net_amount / taxable_total)
        else:
            self.net_amount = self.amount

    def update_meters(self, prices: Sequence["SubscriptionProductPrice"]) -> None:
        subscription_meters = self.meters or []

        # Add new ones
        price_meters = [
            price.product_price.meter
            for price in prices
            if is_metered_price(price.product_price)
        ]
        for price_meter in price_meters:
            try:
                # Check if the meter already exists in the subscription
                next(sm for sm in subscription_meters if sm.meter == price_meter)
            except StopIteration:
                # If it doesn't, create a new SubscriptionMeter
                subscription_meters.append(
                    SubscriptionMeter(
                        meter=price_meter,
                        amount=0,
                        consumed_units=Decimal(0),
                        credited_units=0,
                    )
                )

        # Remove old ones
        subscription_meters = [
            subscription_meter
            for subscription_meter in subscription_meters
            if subscription_meter.meter in price_meters
        ]

        self.meters = subscription_meters

    def get_meter(self, meter: "Meter") -> SubscriptionMeter | None:
        for subscription_meter in self.meters:
            if subscription_meter.meter_id == meter.id:
                return subscription_meter
        return None

    def get_price_by_type(self, price_type: type[PP]) -> PP | None:
        for price in self.prices:
            if isinstance(price, price_type):
                return price
        return None


@event.listens_for(Subscription.subscription_product_prices, "bulk_replace")
def _prices_replaced(
    target: Subscription, values: list["SubscriptionProductPrice"], initiator: Event
) -> None:
    target.update_amount_and_currency(values, target.discount)
    target.update_meters(values)


@event.listens_for(Subscription.subscription_product_prices, "append")
def _price_appended(
    target: Subscription, value: "SubscriptionProductPrice", initiator: Event
) -> None:
    # In case of a bulk replace, do nothing.
    # The bulk replace event will handle the update as a whole, preventing errors
    # where the append handler deletes a meter on first append which is still needed
    # in subsequent appends.
    if initiator is not None and initiator.op is OP_BULK_REPLACE:
        return

    target.update_amount_and_currency(
        [*target.subscription_product_prices, value], target.discount
    )
    target.update_meters([*target.subscription_product_prices, value])


@event.listens_for(Subscription.discount, "set")
def _discount_set(
    target: Subscription,
    value: "Discount | None",
    oldvalue: "Discount | None",
    initiator: Event,
) -> None:
    target.update_amount_and_currency(target.subscription_product_prices, value)
    # Reset discount_applied_at when discount changes so the new discount's
    # expiration will be tracked from its first use in a billing cycle
    if value != oldvalue:
        target.discount_applied_at = None

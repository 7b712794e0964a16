from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, NotRequired, overload

from sqlalchemy.orm import Mapped
from sqlalchemy.util.typing import TypedDict

from polar.enums import SubscriptionProrationBehavior
from polar.kit.address import AddressDict
from polar.models import Customer, Event, Organization
from polar.models.benefit import BenefitType
from polar.models.event import EventSource


class SystemEvent(StrEnum):
    meter_credited = "meter.credited"
    meter_reset = "meter.reset"
    benefit_granted = "benefit.granted"
    benefit_cycled = "benefit.cycled"
    benefit_updated = "benefit.updated"
    benefit_revoked = "benefit.revoked"
    subscription_created = "subscription.created"
    subscription_updated = "subscription.updated"
    subscription_canceled = "subscription.canceled"
    subscription_cycled = "subscription.cycled"
    subscription_revoked = "subscription.revoked"
    subscription_past_due = "subscription.past_due"
    subscription_reactivated = "subscription.reactivated"
    subscription_reinstated = "subscription.reinstated"
    subscription_paused = "subscription.paused"
    subscription_resumed = "subscription.resumed"
    subscription_uncanceled = "subscription.uncanceled"
    subscription_product_updated = "subscription.product_updated"
    subscription_seats_updated = "subscription.seats_updated"
    subscription_units_updated = "subscription.units_updated"
    subscription_billing_period_updated = "subscription.billing_period_updated"
    subscription_update_cleared = "subscription.update_cleared"
    order_paid = "order.paid"
    order_refunded = "order.refunded"
    order_voided = "order.voided"
    order_unvoided = "order.unvoided"
    checkout_created = "checkout.created"
    customer_created = "customer.created"
    customer_updated = "customer.updated"
    customer_deleted = "customer.deleted"
    balance_order = "balance.order"
    balance_credit_order = "balance.credit_order"
    balance_refund = "balance.refund"
    balance_refund_reversal = "balance.refund_reversal"
    balance_dispute = "balance.dispute"
    balance_dispute_reversal = "balance.dispute_reversal"


SYSTEM_EVENT_LABELS: dict[str, str] = {
    "benefit.granted": "Benefit Granted",
    "benefit.cycled": "Benefit Cycled",
    "benefit.updated": "Benefit Updated",
    "benefit.revoked": "Benefit Revoked",
    "subscription.created": "Subscription Created",
    "subscription.updated": "Subscription Updated",
    "subscription.canceled": "Subscription Canceled",
    "subscription.cycled": "Subscription Cycled",
    "subscription.revoked": "Subscription Revoked",
    "subscription.past_due": "Subscription Past Due",
    "subscription.reactivated": "Subscription Reactivated",
    "subscription.reinstated": "Subscription Reinstated",
    "subscription.paused": "Subscription Paused",
    "subscription.resumed": "Subscription Resumed",
    "subscription.uncanceled": "Subscription Uncanceled",
    "subscription.product_updated": "Subscription Product Updated",
    "order.paid": "Order Paid",
    "order.refunded": "Order Refunded",
    "order.voided": "Order Voided",
    "order.unvoided": "Order Unvoided",
    "checkout.created": "Checkout Created",
    "subscription.seats_updated": "Subscription Seats Updated",
    "subscription.units_updated": "Subscription Units Updated",
    "subscription.billing_period_updated": "Subscription Billing Period Updated",
    "subscription.update_cleared": "Subscription Update Cleared",
    "customer.created": "Customer Created",
    "customer.updated": "Customer Updated",
    "customer.deleted": "Customer Deleted",
    "meter.credited": "Meter Credited",
    "meter.reset": "Meter Reset",
    "balance.order": "Balance Order",
    "balance.credit_order": "Balance Credit Order",
    "balance.refund": "Balance Refund",
    "balance.refund_reversal": "Balance Refund Reversal",
    "balance.dispute": "Balance Dispute",
    "balance.dispute_reversal": "Balance Dispute Reversal",
}


class MeterCreditedMetadata(TypedDict):
    meter_id: str
    units: int
    rollover: bool


class MeterCreditedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.meter_credited]]
        user_metadata: Mapped[MeterCreditedMetadata]  # type: ignore[assignment]


class MeterResetMetadata(TypedDict):
    meter_id: str


class MeterResetEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.meter_reset]]
        user_metadata: Mapped[MeterResetMetadata]  # type: ignore[assignment]


class BenefitGrantMetadata(TypedDict):
    benefit_id: str
    benefit_grant_id: str
    benefit_type: BenefitType
    member_id: NotRequired[str]


class BenefitGrantedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.benefit_granted]]
        user_metadata: Mapped[BenefitGrantMetadata]  # type: ignore[assignment]


class BenefitCycledEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.benefit_cycled]]
        user_metadata: Mapped[BenefitGrantMetadata]  # type: ignore[assignment]


class BenefitUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.benefit_updated]]
        user_metadata: Mapped[BenefitGrantMetadata]  # type: ignore[assignment]


class BenefitRevokedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.benefit_revoked]]
        user_metadata: Mapped[BenefitGrantMetadata]  # type: ignore[assignment]


class CustomerCreatedMetadata(TypedDict):
    customer_id: str
    customer_email: str | None
    customer_name: str | None
    customer_external_id: str | None


class CustomerCreatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.customer_created]]
        user_metadata: Mapped[CustomerCreatedMetadata]  # type: ignore[assignment]


class CustomerUpdatedFields(TypedDict):
    name: NotRequired[str | None]
    billing_name: NotRequired[str | None]
    email: NotRequired[str | None]
    billing_address: NotRequired[AddressDict | None]
    tax_id: NotRequired[str | None]
    metadata: NotRequired[dict[str, str | int | bool] | None]


class CustomerUpdatedMetadata(TypedDict):
    customer_id: str
    customer_email: str | None
    customer_name: str | None
    customer_external_id: str | None
    updated_fields: CustomerUpdatedFields


class CustomerUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.customer_updated]]
        user_metadata: Mapped[CustomerUpdatedMetadata]  # type: ignore[assignment]


class CustomerDeletedMetadata(TypedDict):
    customer_id: str
    customer_email: str | None
    customer_name: str | None
    customer_external_id: str | None


class CustomerDeletedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.customer_deleted]]
        user_metadata: Mapped[CustomerDeletedMetadata]  # type: ignore[assignment]


class SubscriptionCreatedMetadata(TypedDict):
    subscription_id: str
    product_id: str
    amount: int
    currency: str
    recurring_interval: str
    recurring_interval_count: int
    started_at: str


class SubscriptionCreatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_created]]
        user_metadata: Mapped[SubscriptionCreatedMetadata]  # type: ignore[assignment]


class SubscriptionUpdatedMetadataFields(TypedDict, total=False):
    product_id: str
    proration_behavior: SubscriptionProrationBehavior
    discount_id: str | None
    trial_end: str
    seats: int
    units: int
    billing_period_end: str


class SubscriptionUpdatedMetadata(SubscriptionUpdatedMetadataFields):
    subscription_id: str


class SubscriptionUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_updated]]
        user_metadata: Mapped[SubscriptionUpdatedMetadata]  # type: ignore[assignment]


class SubscriptionCanceledMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: int
    currency: str
    recurring_interval: str
    recurring_interval_count: int
    customer_cancellation_reason: NotRequired[str]
    customer_cancellation_comment: NotRequired[str]
    canceled_at: str
    ends_at: NotRequired[str]
    cancel_at_period_end: NotRequired[bool]


class SubscriptionCanceledEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_canceled]]
        user_metadata: Mapped[SubscriptionCanceledMetadata]  # type: ignore[assignment]


class SubscriptionCycledMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionCycledEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_cycled]]
        user_metadata: Mapped[SubscriptionCycledMetadata]  # type: ignore[assignment]


class SubscriptionRevokedMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionRevokedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_revoked]]
        user_metadata: Mapped[SubscriptionRevokedMetadata]  # type: ignore[assignment]


class SubscriptionPastDueMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    past_due_at: str
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionPastDueEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_past_due]]
        user_metadata: Mapped[SubscriptionPastDueMetadata]  # type: ignore[assignment]


class SubscriptionReactivatedMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionReactivatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_reactivated]]
        user_metadata: Mapped[SubscriptionReactivatedMetadata]  # type: ignore[assignment]


class SubscriptionReinstatedMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionReinstatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_reinstated]]
        user_metadata: Mapped[SubscriptionReinstatedMetadata]  # type: ignore[assignment]


class SubscriptionPausedMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]
    paused_at: str
    resumes_at: NotRequired[str]


class SubscriptionPausedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_paused]]
        user_metadata: Mapped[SubscriptionPausedMetadata]  # type: ignore[assignment]


class SubscriptionResumedMetadata(TypedDict):
    subscription_id: str
    product_id: NotRequired[str]
    amount: NotRequired[int]
    currency: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class SubscriptionResumedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_resumed]]
        user_metadata: Mapped[SubscriptionResumedMetadata]  # type: ignore[assignment]


class SubscriptionUncanceledMetadata(TypedDict):
    subscription_id: str
    product_id: str
    amount: int
    currency: str
    recurring_interval: str
    recurring_interval_count: int


class SubscriptionUncanceledEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_uncanceled]]
        user_metadata: Mapped[SubscriptionUncanceledMetadata]  # type: ignore[assignment]


class SubscriptionProductUpdatedMetadata(TypedDict):
    subscription_id: str
    old_product_id: str
    new_product_id: str


class SubscriptionProductUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_product_updated]]
        user_metadata: Mapped[SubscriptionProductUpdatedMetadata]  # type: ignore[assignment]


class SubscriptionSeatsUpdatedMetadata(TypedDict):
    subscription_id: str
    old_seats: int
    new_seats: int
    proration_behavior: str


class SubscriptionSeatsUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_seats_updated]]
        user_metadata: Mapped[SubscriptionSeatsUpdatedMetadata]  # type: ignore[assignment]


class SubscriptionUnitsUpdatedMetadata(TypedDict):
    subscription_id: str
    old_units: int
    new_units: int
    proration_behavior: str


class SubscriptionUnitsUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_units_updated]]
        user_metadata: Mapped[SubscriptionUnitsUpdatedMetadata]  # type: ignore[assignment]


class SubscriptionBillingPeriodUpdatedMetadata(TypedDict):
    subscription_id: str
    old_period_end: str
    new_period_end: str


class SubscriptionBillingPeriodUpdatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_billing_period_updated]]
        user_metadata: Mapped[SubscriptionBillingPeriodUpdatedMetadata]  # type: ignore[assignment]


class SubscriptionUpdateClearedMetadata(TypedDict):
    subscription_id: str


class SubscriptionUpdateClearedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.subscription_update_cleared]]
        user_metadata: Mapped[SubscriptionUpdateClearedMetadata]  # type: ignore[assignment]


class OrderPaidMetadata(TypedDict):
    order_id: str
    product_id: NotRequired[str]
    billing_type: NotRequired[str]
    amount: int
    currency: NotRequired[str]
    net_amount: NotRequired[int]
    tax_amount: NotRequired[int]
    applied_balance_amount: NotRequired[int]
    discount_amount: NotRequired[int]
    discount_id: NotRequired[str]
    platform_fee: NotRequired[int]
    subscription_id: NotRequired[str]
    recurring_interval: NotRequired[str]
    recurring_interval_count: NotRequired[int]


class OrderPaidEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.order_paid]]
        user_metadata: Mapped[OrderPaidMetadata]  # type: ignore[assignment]


class OrderRefundedMetadata(TypedDict):
    order_id: str
    refunded_amount: int
    currency: str


class OrderRefundedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.order_refunded]]
        user_metadata: Mapped[OrderRefundedMetadata]  # type: ignore[assignment]


class OrderVoidedMetadata(TypedDict):
    order_id: str
    amount: int
    currency: str


class OrderVoidedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.order_voided]]
        user_metadata: Mapped[OrderVoidedMetadata]  # type: ignore[assignment]


class OrderUnvoidedMetadata(TypedDict):
    order_id: str
    amount: int
    currency: str


class OrderUnvoidedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.order_unvoided]]
        user_metadata: Mapped[OrderUnvoidedMetadata]  # type: ignore[assignment]


class CheckoutCreatedMetadata(TypedDict):
    checkout_id: str
    checkout_status: str
    product_id: NotRequired[str]


class CheckoutCreatedEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.checkout_created]]
        user_metadata: Mapped[CheckoutCreatedMetadata]  # type: ignore[assignment]


class BalanceOrderMetadata(TypedDict):
    transaction_id: str
    order_id: str
    product_id: NotRequired[str]
    subscription_id: NotRequired[str]
    amount: int
    net_amount: NotRequired[int]
    currency: str
    presentment_amount: int
    presentment_currency: str
    tax_amount: int
    tax_state: NotRequired[str | None]
    tax_country: NotRequired[str | None]
    fee: int
    exchange_rate: NotRequired[float]


class BalanceOrderEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_order]]
        user_metadata: Mapped[BalanceOrderMetadata]  # type: ignore[assignment]


class BalanceCreditOrderMetadata(TypedDict):
    order_id: str
    product_id: NotRequired[str]
    subscription_id: NotRequired[str]
    amount: int
    currency: str
    tax_amount: int
    tax_state: NotRequired[str | None]
    tax_country: NotRequired[str | None]
    fee: int
    exchange_rate: NotRequired[float]


class BalanceCreditOrderEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_credit_order]]
        user_metadata: Mapped[BalanceCreditOrderMetadata]  # type: ignore[assignment]


class BalanceRefundMetadata(TypedDict):
    transaction_id: str
    refund_id: str
    order_id: NotRequired[str]
    order_created_at: NotRequired[str]
    product_id: NotRequired[str]
    subscription_id: NotRequired[str]
    amount: int
    currency: str
    presentment_amount: int
    presentment_currency: str
    refundable_amount: NotRequired[int]
    tax_amount: int
    tax_state: NotRequired[str | None]
    tax_country: NotRequired[str | None]
    fee: int
    exchange_rate: NotRequired[float]


class BalanceRefundEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_refund]]
        user_metadata: Mapped[BalanceRefundMetadata]  # type: ignore[assignment]


class BalanceRefundReversalEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_refund_reversal]]
        user_metadata: Mapped[BalanceRefundMetadata]  # type: ignore[assignment]


class BalanceDisputeMetadata(TypedDict):
    transaction_id: str
    dispute_id: str
    order_id: NotRequired[str]
    order_created_at: NotRequired[str]
    product_id: NotRequired[str]
    subscription_id: NotRequired[str]
    amount: int
    currency: str
    presentment_amount: int
    presentment_currency: str
    tax_amount: int
    tax_state: NotRequired[str | None]
    tax_country: NotRequired[str | None]
    fee: int
    exchange_rate: NotRequired[float]


class BalanceDisputeEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_dispute]]
        user_metadata: Mapped[BalanceDisputeMetadata]  # type: ignore[assignment]


class BalanceDisputeReversalEvent(Event):
    if TYPE_CHECKING:
        source: Mapped[Literal[EventSource.system]]
        name: Mapped[Literal[SystemEvent.balance_dispute_reversal]]
        user_metadata: Mapped[BalanceDisputeMetadata]  # type: ignore[assignment]


@overload
def build_system_event(
    name: Literal[SystemEvent.meter_credited],
    customer: Customer,
    organization: Organization,
    metadata: MeterCreditedMetadata,
    *,
    timestamp: datetime | None = None,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.meter_reset],
    customer: Customer,
    organization: Organization,
    metadata: MeterResetMetadata,
    *,
    timestamp: datetime | None = None,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.benefit_granted],
    customer: Customer,
    organization: Organization,
    metadata: BenefitGrantMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.benefit_cycled],
    customer: Customer,
    organization: Organization,
    metadata: BenefitGrantMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.benefit_updated],
    customer: Customer,
    organization: Organization,
    metadata: BenefitGrantMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.benefit_revoked],
    customer: Customer,
    organization: Organization,
    metadata: BenefitGrantMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.customer_created],
    customer: Customer,
    organization: Organization,
    metadata: CustomerCreatedMetadata,
    *,
    timestamp: datetime | None = None,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.customer_updated],
    customer: Customer,
    organization: Organization,
    metadata: CustomerUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.customer_deleted],
    customer: Customer,
    organization: Organization,
    metadata: CustomerDeletedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_created],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionCreatedMetadata,
    *,
    timestamp: datetime | None = None,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_updated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_canceled],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionCanceledMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_cycled],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionCycledMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_revoked],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionRevokedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_past_due],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionPastDueMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_reactivated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionReactivatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_reinstated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionReinstatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_paused],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionPausedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_resumed],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionResumedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_uncanceled],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionUncanceledMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_product_updated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionProductUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_seats_updated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionSeatsUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_units_updated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionUnitsUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_billing_period_updated],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionBillingPeriodUpdatedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.subscription_update_cleared],
    customer: Customer,
    organization: Organization,
    metadata: SubscriptionUpdateClearedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.order_paid],
    customer: Customer,
    organization: Organization,
    metadata: OrderPaidMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.order_refunded],
    customer: Customer,
    organization: Organization,
    metadata: OrderRefundedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.order_voided],
    customer: Customer,
    organization: Organization,
    metadata: OrderVoidedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.order_unvoided],
    customer: Customer,
    organization: Organization,
    metadata: OrderUnvoidedMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_order],
    customer: Customer,
    organization: Organization,
    metadata: BalanceOrderMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_credit_order],
    customer: Customer,
    organization: Organization,
    metadata: BalanceCreditOrderMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_refund],
    customer: Customer,
    organization: Organization,
    metadata: BalanceRefundMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_dispute],
    customer: Customer,
    organization: Organization,
    metadata: BalanceDisputeMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_dispute_reversal],
    customer: Customer,
    organization: Organization,
    metadata: BalanceDisputeMetadata,
) -> Event: ...


@overload
def build_system_event(
    name: Literal[SystemEvent.balance_refund_reversal],
    customer: Customer,
    organization: Organization,
    metadata: BalanceRefundMetadata,
) -> Event: ...


def build_system_event(
    name: SystemEvent,
    customer: Customer,
    organization: Organization,
    metadata: Any,
    *,
    timestamp: datetime | None = None,
) -> Event:
    event = Event(
        name=name,
        source=EventSource.system,
        customer_id=customer.id,
        organization=organization,
        user_metadata=metadata,
    )
    if timestamp is not None:
        event.timestamp = timestamp
    return event


def build_checkout_event(
    name: Literal[SystemEvent.checkout_created],
    organization: Organization,
    metadata: CheckoutCreatedMetadata,
) -> Event:
    return Event(
        name=name,
        source=EventSource.system,
        customer_id=None,
        organization=organization,
        user_metadata=metadata,
    )

from abc import abstractmethod
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

import pycountry
from pydantic import UUID4, BaseModel, Discriminator, computed_field

from polar.config import settings
from polar.kit.currency import format_currency
from polar.kit.schemas import Schema
from polar.models.order import OrderBillingReasonInternal

if TYPE_CHECKING:
    from polar.email.schemas import Email


class NotificationType(StrEnum):
    maintainer_new_paid_subscription = "MaintainerNewPaidSubscriptionNotification"
    maintainer_new_product_sale = "MaintainerNewProductSaleNotification"
    maintainer_subscription_renewal = "MaintainerSubscriptionRenewalNotification"
    maintainer_account_credits_granted = "MaintainerAccountCreditsGrantedNotification"
    maintainer_file_flagged_malicious = "MaintainerFileFlaggedMaliciousNotification"


class NotificationPayloadBase(BaseModel):
    @abstractmethod
    def subject(self) -> str:
        pass

    @classmethod
    @abstractmethod
    def template_name(cls) -> str:
        pass

    def to_email(self) -> Email:
        from polar.email.schemas import EmailAdapter

        return EmailAdapter.validate_python(
            {
                "template": self.template_name(),
                "props": self,
            }
        )


class NotificationBase(Schema):
    id: UUID4
    created_at: datetime
    type: NotificationType


class MaintainerAccountUnderReviewNotificationPayload(NotificationPayloadBase):
    account_type: str

    def subject(self) -> str:
        return "Your Polar account is being reviewed"

    @classmethod
    def template_name(cls) -> str:
        return "notification_account_under_review"


class MaintainerNewPaidSubscriptionNotificationPayload(NotificationPayloadBase):
    subscriber_name: str
    subscriber_email: str | None = None
    tier_name: str
    tier_price_amount: int | None
    tier_price_recurring_interval: str
    tier_price_recurring_interval_count: int = 1
    tier_organization_name: str
    tier_organization_slug: str | None = None
    subscription_id: str | None = None
    currency: str = "usd"

    @computed_field
    def formatted_price_amount(self) -> str:
        if self.tier_price_amount is None:
            return ""
        return format_currency(self.tier_price_amount, self.currency)

    @computed_field
    def formatted_price_with_interval(self) -> str:
        if self.tier_price_amount is None:
            return "free"
        amount = self.formatted_price_amount
        count = self.tier_price_recurring_interval_count
        if count > 1:
            if 11 <= (count % 100) <= 13:
                suffix = "th"
            else:
                suffix = {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
            return f"{amount}/{count}{suffix} {self.tier_price_recurring_interval}"
        return f"{amount}/{self.tier_price_recurring_interval}"

    def subject(self) -> str:
        return f"You have a new subscriber on {self.tier_name} ({self.formatted_price_with_interval})!"

    @classmethod
    def template_name(cls) -> str:
        return "notification_new_subscription"


class MaintainerNewPaidSubscriptionNotification(NotificationBase):
    type: Literal[NotificationType.maintainer_new_paid_subscription]
    payload: MaintainerNewPaidSubscriptionNotificationPayload


class MaintainerNewProductSaleNotificationPayload(NotificationPayloadBase):
    product_name: str
    product_price_amount: int
    customer_name: str = ""
    organization_name: str = ""

    customer_email: str | None = None
    billing_address_country: str | None = None
    billing_address_city: str | None = None
    billing_address_line1: str | None = None
    product_image_url: str | None = None
    order_id: str | None = None
    order_date: str | None = None
    organization_slug: str | None = None
    billing_reason: OrderBillingReasonInternal | None = None
    currency: str = "usd"

    @computed_field
    def formatted_price_amount(self) -> str:
        return format_currency(self.product_price_amount, self.currency)

    @computed_field
    def formatted_billing_reason(self) -> str | None:
        if self.billing_reason is None:
            return None
        match self.billing_reason:
            case OrderBillingReasonInternal.purchase:
                return "One-time purchase"
            case OrderBillingReasonInternal.subscription_create:
                return "New subscription"
            case OrderBillingReasonInternal.subscription_cycle:
                return "Subscription renewal"
            case OrderBillingReasonInternal.subscription_cycle_after_trial:
                return "Subscription started after trial"
            case OrderBillingReasonInternal.subscription_cancel:
                return "Subscription cancellation"
            case OrderBillingReasonInternal.subscription_update:
                return "Subscription update"
            case OrderBillingReasonInternal.subscription_meter_cycle:
                return "Usage charge"

    @computed_field
    def formatted_address_country(self) -> str | None:
        if not self.billing_address_country:
            return None
        country = pycountry.countries.get(alpha_2=self.billing_address_country)
        return country.name if country else self.billing_address_country

    @computed_field
    def order_url(self) -> str | None:
        if not self.organization_slug or not self.order_id:
            return None
        return f"{settings.FRONTEND_BASE_URL}/dashboard/{self.organization_slug}/sales/{self.order_id}"

    def subject(self) -> str:
        return f"You've made a new sale ({self.formatted_price_amount})!"

    @classmethod
    def template_name(cls) -> str:
        return "notification_new_sale"


class MaintainerNewProductSaleNotification(NotificationBase):
    type: Literal[NotificationType.maintainer_new_product_sale]
    payload: MaintainerNewProductSaleNotificationPayload


class MaintainerSubscriptionRenewalNotificationPayload(NotificationPayloadBase):
    product_name: str
    product_price_amount: int
    customer_name: str = ""

    customer_email: str | None = None
    organization_slug: str | None = None
    subscription_id: str | None = None
    recurring_interval: str
    recurring_interval_count: int = 1
    currency: str = "usd"

    @computed_field
    def formatted_price_amount(self) -> str:
        return format_currency(self.product_price_amount, self.currency)

    @computed_field
    def formatted_recurring_interval(self) -> str:
        if self.recurring_interval_count > 1:
            return f"every {self.recurring_interval_count} {self.recurring_interval}s"
        return f"every {self.recurring_interval}"

    def subject(self) -> str:
        return f"You've been paid {self.formatted_price_amount} for a renewal!"

    @classmethod
    def template_name(cls) -> str:
        return "notification_subscription_renewal"


class MaintainerSubscriptionRenewalNotification(NotificationBase):
    type: Literal[NotificationType.maintainer_subscription_renewal]
    payload: MaintainerSubscriptionRenewalNotificationPayload


class MaintainerAccountCreditsGrantedNotificationPayload(NotificationPayloadBase):
    organization_name: str
    amount: int
    currency: str = "usd"

    @computed_field
    def formatted_amount(self) -> str:
        return format_currency(self.amount, self.currency)

    def subject(self) -> str:
        return f"{self.organization_name} has received {self.formatted_amount} in fee credits!"

    @classmethod
    def template_name(cls) -> str:
        return "notification_credits_granted"


class MaintainerAccountCreditsGrantedNotification(NotificationBase):
    type: Literal[NotificationType.maintainer_account_credits_granted]
    payload: MaintainerAccountCreditsGrantedNotificationPayload


class MaintainerFileFlaggedMaliciousNotificationPayload(NotificationPayloadBase):
    file_name: str
    organization_name: str
    organization_slug: str | None = None

    def subject(self) -> str:
        return f"Security alert: {self.file_name} was flagged as malicious"

    @classmethod
    def template_name(cls) -> str:
        return "notification_file_flagged_malicious"


class MaintainerFileFlaggedMaliciousNotification(NotificationBase):
    type: Literal[NotificationType.maintainer_file_flagged_malicious]
    payload: MaintainerFileFlaggedMaliciousNotificationPayload


NotificationPayload = (
    MaintainerNewPaidSubscriptionNotificationPayload
    | MaintainerNewProductSaleNotificationPayload
    | MaintainerSubscriptionRenewalNotificationPayload
    | MaintainerAccountCreditsGrantedNotificationPayload
    | MaintainerFileFlaggedMaliciousNotificationPayload
)

Notification = Annotated[
    MaintainerNewPaidSubscriptionNotification
    | MaintainerNewProductSaleNotification
    | MaintainerSubscriptionRenewalNotification
    | MaintainerAccountCreditsGrantedNotification
    | MaintainerFileFlaggedMaliciousNotification,
    Discriminator(discriminator="type"),
]

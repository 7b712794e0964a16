from polar.kit.db.models import Model, TimestampedModel

from .account import Account
from .account_credit import AccountCredit
from .authentication_session import AuthenticationSession
from .backup_codes_enrollment import BackupCodesEnrollment
from .benefit import Benefit
from .benefit_grant import BenefitGrant
from .billing_entry import BillingEntry
from .campaign import Campaign
from .checkout import Checkout
from .checkout_link import CheckoutLink
from .checkout_link_product import CheckoutLinkProduct
from .checkout_product import CheckoutProduct
from .compass_thread import CompassThread
from .compass_thread_message import CompassThreadMessage
from .custom_field import CustomField
from .customer import Customer
from .customer_email_verification import CustomerEmailVerification
from .customer_meter import CustomerMeter
from .customer_seat import CustomerSeat, SeatStatus
from .customer_session import CustomerSession
from .customer_session_code import CustomerSessionCode
from .discount import Discount
from .discount_product import DiscountProduct
from .discount_redemption import DiscountRedemption
from .dispute import Dispute
from .downloadable import Downloadable
from .email_log import EmailLog
from .email_otp import EmailOTP
from .email_verification import EmailVerification
from .event import Event
from .event_type import EventType
from .external_event import ExternalEvent
from .feedback import Feedback, FeedbackStatus, FeedbackType
from .file import File
from .issue_reward import IssueReward
from .license_key import LicenseKey
from .license_key_activation import LicenseKeyActivation
from .member import Member, MemberRole
from .member_session import MemberSession
from .merchant_migration import (
    MerchantMigration,
    MerchantMigrationSourcePlatform,
    MerchantMigrationStep,
)
from .merchant_migration_operation import (
    MerchantMigrationOperation,
    MerchantMigrationOperationSelection,
    MerchantMigrationOperationStatus,
)
from .merchant_migration_record import (
    MerchantMigrationCutoverStatus,
    MerchantMigrationRecord,
    MerchantMigrationRecordStatus,
    MerchantMigrationRecordType,
)
from .meter import Meter
from .meter_event import MeterEvent
from .metric_dashboard import MetricDashboard
from .notification import Notification
from .notification_recipient import NotificationRecipient
from .oauth2_authorization_code import OAuth2AuthorizationCode
from .oauth2_authorization_code_organization import OAuth2AuthorizationCodeOrganization
from .oauth2_client import OAuth2Client
from .oauth2_grant import OAuth2Grant
from .oauth2_state import OAuth2State
from .oauth2_token import OAuth2Token
from .oauth2_token_organization import OAuth2TokenOrganization
from .order import Order
from .order_item import OrderItem
from .organization import Organization
from .organization_access_token import OrganizationAccessToken
from .organization_agent_review import OrganizationAgentReview
from .organization_review import OrganizationReview
from .organization_review_feedback import OrganizationReviewFeedback
from .organization_risk_signal import OrganizationRiskSignal
from .organization_sso_connection import OrganizationSSOConnection
from .payment import Payment
from .payment_method import PaymentMethod
from .payout import Payout
from .payout_account import PayoutAccount
from .payout_attempt import PayoutAttempt
from .personal_access_token import PersonalAccessToken
from .pledge import Pledge
from .processor_transaction import ProcessorTransaction
from .product import Product, ProductVisibility
from .product_benefit import ProductBenefit
from .product_custom_field import ProductCustomField
from .product_media import ProductMedia
from .product_price import (
    LegacyRecurringProductPriceCustom,
    LegacyRecurringProductPriceFixed,
    ProductPrice,
    ProductPriceCustom,
    ProductPriceFixed,
    ProductPriceMeteredUnit,
    ProductPriceSeatUnit,
    ProductPriceUnit,
)
from .refund import Refund
from .slack_app import SlackApp
from .subscription import Subscription
from .subscription_meter import SubscriptionMeter
from .subscription_product_price import SubscriptionProductPrice
from .subscription_update import SubscriptionUpdate
from .support_case import (
    DisputeSupportCase,
    ReviewAppealSupportCase,
    SupportCase,
    SupportCaseAttachment,
    SupportCaseMessage,
    SupportCaseParticipant,
    SupportCaseType,
)
from .totp_enrollment import TOTPEnrollment
from .transaction import Transaction
from .trial_redemption import TrialRedemption
from .user import OAuthAccount, User
from .user_notification import UserNotification
from .user_organization import UserOrganization
from .user_session import UserSession
from .user_session_organization import UserSessionOrganization
from .wallet import Wallet
from .wallet_transaction import WalletTransaction
from .webhook_delivery import WebhookDelivery
from .webhook_endpoint import WebhookEndpoint
from .webhook_event import WebhookEvent

__all__ = [
    "Account",
    "AccountCredit",
    "AuthenticationSession",
    "BackupCodesEnrollment",
    "Benefit",
    "BenefitGrant",
    "BillingEntry",
    "Campaign",
    "Checkout",
    "CheckoutLink",
    "CheckoutLinkProduct",
    "CheckoutProduct",
    "CompassThread",
    "CompassThreadMessage",
    "CustomField",
    "Customer",
    "CustomerEmailVerification",
    "CustomerMeter",
    "CustomerSeat",
    "CustomerSession",
    "CustomerSessionCode",
    "Discount",
    "DiscountProduct",
    "DiscountRedemption",
    "Dispute",
    "DisputeSupportCase",
    "Downloadable",
    "EmailLog",
    "EmailOTP",
    "EmailVerification",
    "Event",
    "EventType",
    "ExternalEvent",
    "Feedback",
    "FeedbackStatus",
    "FeedbackType",
    "File",
    "IssueReward",
    "LegacyRecurringProductPriceCustom",
    "LegacyRecurringProductPriceFixed",
    "LicenseKey",
    "LicenseKeyActivation",
    "LoginCode",
    "Member",
    "MemberRole",
    "MemberSession",
    "MerchantMigration",
    "MerchantMigrationCutoverStatus",
    "MerchantMigrationOperation",
    "MerchantMigrationOperationSelection",
    "MerchantMigrationOperationStatus",
    "MerchantMigrationRecord",
    "MerchantMigrationRecordStatus",
    "MerchantMigrationRecordType",
    "MerchantMigrationSourcePlatform",
    "MerchantMigrationStep",
    "Meter",
    "MeterEvent",
    "MetricDashboard",
    "Model",
    "Notification",
    "NotificationRecipient",
    "OAuth2AuthorizationCode",
    "OAuth2AuthorizationCodeOrganization",
    "OAuth2Client",
    "OAuth2Grant",
    "OAuth2State",
    "OAuth2Token",
    "OAuth2TokenOrganization",
    "OAuthAccount",
    "Order",
    "OrderItem",
    "Organization",
    "OrganizationAccessToken",
    "OrganizationAgentReview",
    "OrganizationReview",
    "OrganizationReviewFeedback",
    "OrganizationRiskSignal",
    "OrganizationSSOConnection",
    "Payment",
    "PaymentMethod",
    "Payout",
    "PayoutAccount",
    "PayoutAttempt",
    "PersonalAccessToken",
    "Pledge",
    "ProcessorTransaction",
    "Product",
    "ProductBenefit",
    "ProductCustomField",
    "ProductMedia",
    "ProductPrice",
    "ProductPriceCustom",
    "ProductPriceFixed",
    "ProductPriceMeteredUnit",
    "ProductPriceSeatUnit",
    "ProductPriceUnit",
    "ProductVisibility",
    "Refund",
    "ReviewAppealSupportCase",
    "SeatStatus",
    "SlackApp",
    "Subscription",
    "SubscriptionMeter",
    "SubscriptionProductPrice",
    "SubscriptionUpdate",
    "SupportCase",
    "SupportCaseAttachment",
    "SupportCaseMessage",
    "SupportCaseParticipant",
    "SupportCaseType",
    "TOTPEnrollment",
    "TimestampedModel",
    "Transaction",
    "TrialRedemption",
    "User",
    "UserNotification",
    "UserOrganization",
    "UserSession",
    "UserSessionOrganization",
    "Wallet",
    "WalletTransaction",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]

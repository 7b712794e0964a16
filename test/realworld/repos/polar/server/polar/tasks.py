from polar.auth import tasks as auth
from polar.benefit import tasks as benefit
from polar.checkout import tasks as checkout
from polar.customer import tasks as customer
from polar.customer_email_update import tasks as customer_email_update
from polar.customer_meter import tasks as customer_meter
from polar.customer_seat import tasks as customer_seat
from polar.customer_session import tasks as customer_session
from polar.dispute import tasks as dispute
from polar.dummy import tasks as dummy
from polar.email import tasks as email
from polar.email_update import tasks as email_update
from polar.event import tasks as event
from polar.eventstream import tasks as eventstream
from polar.external_event import tasks as external_event
from polar.feedback import tasks as feedback
from polar.file import tasks as file
from polar.integrations.chargeback_stop import tasks as chargeback_stop
from polar.integrations.polar import tasks as polar_self
from polar.integrations.stripe import tasks as stripe
from polar.integrations.tinybird import tasks as tinybird
from polar.license_key import tasks as license_key
from polar.member_session import tasks as member_session
from polar.merchant_migration import tasks as merchant_migration
from polar.meter import tasks as meter
from polar.notifications import tasks as notifications
from polar.oauth2 import tasks as oauth2
from polar.observability.invariants import tasks as invariants
from polar.observability.slo_report import tasks as slo_report
from polar.order import tasks as order
from polar.organization import tasks as organization
from polar.organization_access_token import tasks as organization_access_token
from polar.organization_review import tasks as organization_review
from polar.payment_method import tasks as payment_method
from polar.payout import tasks as payout
from polar.payout_account import tasks as payout_account
from polar.personal_access_token import tasks as personal_access_token
from polar.processor_transaction import tasks as processor_transaction
from polar.receipt import tasks as receipt
from polar.refund import tasks as refund
from polar.subscription import tasks as subscription
from polar.support_case import tasks as support_case
from polar.transaction import tasks as transaction
from polar.user import tasks as user
from polar.webhook import tasks as webhook

__all__ = [
    "auth",
    "benefit",
    "chargeback_stop",
    "checkout",
    "customer",
    "customer_email_update",
    "customer_meter",
    "customer_seat",
    "customer_session",
    "dispute",
    "dummy",
    "email",
    "email_update",
    "event",
    "eventstream",
    "external_event",
    "feedback",
    "file",
    "invariants",
    "license_key",
    "member_session",
    "merchant_migration",
    "meter",
    "notifications",
    "oauth2",
    "order",
    "organization",
    "organization_access_token",
    "organization_review",
    "payment_method",
    "payout",
    "payout_account",
    "personal_access_token",
    "polar_self",
    "processor_transaction",
    "receipt",
    "refund",
    "slo_report",
    "stripe",
    "subscription",
    "support_case",
    "tinybird",
    "transaction",
    "user",
    "webhook",
]

import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal
from urllib.parse import urlencode

import stripe as stripe_lib
import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from polar.account.repository import AccountRepository
from polar.auth.models import AuthSubject
from polar.auth.permission import OrganizationPermission
from polar.authz.service import get_accessible_org_ids
from polar.billing_entry.service import billing_entry as billing_entry_service
from polar.checkout.eventstream import CheckoutEvent, publish_checkout_event
from polar.checkout.guard import has_product_checkout
from polar.config import settings
from polar.custom_field.data import validate_custom_field_data
from polar.customer.repository import CustomerRepository
from polar.customer.service import customer as customer_service
from polar.customer_portal.schemas.order import (
    CustomerOrderPaymentConfirmation,
    CustomerOrderUpdate,
)
from polar.email.schemas import EmailAdapter
from polar.email.sender import Attachment, enqueue_email_template
from polar.enums import (
    PaymentMode,
    PaymentProcessor,
    TaxBehavior,
)
from polar.event.repository import EventRepository
from polar.event.service import event as event_service
from polar.event.system import (
    BalanceCreditOrderMetadata,
    BalanceOrderMetadata,
    OrderPaidMetadata,
    SystemEvent,
    build_system_event,
)
from polar.eventstream.service import publish as eventstream_publish
from polar.exceptions import PolarError, PolarRequestValidationError, ValidationError
from polar.file.s3 import S3_SERVICES
from polar.integrations.stripe.service import (
    STRIPE_METADATA_PAYMENT_TRIGGER,
)
from polar.integrations.stripe.service import (
    stripe as stripe_service,
)
from polar.invoice.service import invoice as invoice_service
from polar.kit.currency import (
    format_currency,
    get_maximum_currency_amount,
    get_minimum_currency_amount,
)
from polar.kit.db.postgres import AsyncReadSession, AsyncSession
from polar.kit.metadata import MetadataQuery, apply_metadata_clause
from polar.kit.pagination import PaginationParams
from polar.kit.sorting import Sorting
from polar.kit.utils import utc_now
from polar.logging import Logger
from polar.models import (
    Checkout,
    Customer,
    Discount,
    Order,
    OrderItem,
    Organization,
    Payment,
    PaymentMethod,
    Product,
    ProductPrice,
    Subscription,
    Transaction,
    User,
    WalletTransaction,
)
from polar.models.discount import DiscountType
from polar.models.order import OrderBillingReasonInternal, OrderStatus
from polar.models.payment import PaymentTrigger
from polar.models.product import ProductBillingType
from polar.models.subscription import SubscriptionStatus
from polar.models.transaction import TransactionType
from polar.models.webhook_endpoint import WebhookEventType
from polar.notifications.notification import (
    MaintainerNewProductSaleNotificationPayload,
    MaintainerSubscriptionRenewalNotificationPayload,
    NotificationType,
)
from polar.notifications.service import PartialNotification
from polar.notifications.service import notifications as notifications_service
from polar.organization.repository import OrganizationRepository
from polar.organization.service import organization as organization_service
from polar.payment.repository import PaymentRepository
from polar.payment.service import payment as payment_service
from polar.payment_method.repository import PaymentMethodRepository
from polar.payment_method.service import payment_method as payment_method_service
from polar.product.guard import (
    is_custom_price,
    is_fixed_price,
    is_static_price,
)
from polar.product.price_set import (
    NoPricesForCurrencies,
    PriceSet,
)
from polar.product.repository import ProductRepository
from polar.receipt.service import receipt as receipt_service
from polar.subscription.repository import SubscriptionRepository
from polar.subscription.service import SubscriptionUpdateContext
from polar.subscription.service import subscription as subscription_service
from polar.tax.calculation import (
    CalculationExpiredError,
    TaxCalculationLogicalError,
    TaxCode,
)
from polar.tax.calculation import tax_calculation as tax_calculation_service
from polar.transaction.service.balance import PaymentTransactionForChargeDoesNotExist
from polar.transaction.service.balance import (
    balance_transaction as balance_transaction_service,
)
from polar.transaction.service.platform_fee import (
    platform_fee_transaction as platform_fee_transaction_service,
)
from polar.wallet.repository import WalletTransactionRepository
from polar.wallet.service import wallet as wallet_service
from polar.webhook.service import webhook as webhook_service
from polar.worker import enqueue_job, make_bulk_job_delay_calculator

from .amounts import apply_wallet_balance, calculate_tax, compute_order_amounts
from .repository import OrderRepository
from .schemas import OrderCreate, OrderInvoice, OrderReceipt, OrderUpdate
from .sorting import OrderSortProperty

log: Logger = structlog.get_logger()


class OrderError(PolarError): ...


class RecurringProduct(OrderError):
    def __init__(self, checkout: Checkout, product: Product) -> None:
        self.checkout = checkout
        self.product = product
        message = (
            f"Checkout {checkout.id} is for product {product.id}, "
            "which is a recurring product."
        )
        super().__init__(message)


class NotRecurringProduct(OrderError):
    def __init__(self, checkout: Checkout, product: Product) -> None:
        self.checkout = checkout
        self.product = product
        message = (
            f"Checkout {checkout.id} is for product {product.id}, "
            "which is not a recurring product."
        )
        super().__init__(message)


class MissingCheckoutCustomer(OrderError):
    def __init__(self, checkout: Checkout) -> None:
        self.checkout = checkout
        message = f"Checkout {checkout.id} is missing a customer."
        super().__init__(message)


class AlreadyBalancedOrder(OrderError):
    def __init__(self, order: Order, payment_transaction: Transaction) -> None:
        self.order = order
        self.payment_transaction = payment_transaction
        message = (
            f"The order {order.id} with payment {payment_transaction.id} "
            "has already been balanced."
        )
        super().__init__(message)


class MissingInvoiceBillingDetails(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = (
            "Billing name and address are required "
            "to generate an invoice for this order."
        )
        super().__init__(message, 422)


class OrderNotEligibleForInvoice(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = (
            f"Order {order.id} is not eligible for invoice generation "
            f"(current status: {order.status})."
        )
        super().__init__(message, 409)


class InvoiceDoesNotExist(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"No invoice exists for order {order.id}."
        super().__init__(message, 404)


class ReceiptNotAllocated(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"No receipt allocated for order {order.id}."
        super().__init__(message, 404)


class OrderNotEligibleForRetry(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"Order {order.id} is not eligible for payment retry."
        super().__init__(message, 422)


class NoPendingBillingEntries(OrderError):
    def __init__(self, subscription: Subscription) -> None:
        self.subscription = subscription
        message = (
            f"No pending billing entries found for subscription {subscription.id}."
        )
        super().__init__(message)


class OrderNotPending(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"Order {order.id} is not pending"
        super().__init__(message)


class OrderNotVoid(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"Order {order.id} is not void"
        super().__init__(message)


class PaymentAlreadyInProgress(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = f"Payment for order {order.id} is already in progress"
        super().__init__(message, 409)


class PaymentFailedReason(StrEnum):
    missing_payment_method = "missing_payment_method"
    card_error = "card_error"


class PaymentFailed(OrderError):
    """Exception for payment failures."""

    def __init__(self, reason: PaymentFailedReason) -> None:
        self.reason = reason
        message = f"Payment failed with reason: {reason}."
        super().__init__(message, 402)


class PaymentActionRequired(OrderError):
    """
    Off-session charge needs customer interaction (typically 3DS / SCA).
    The merchant should redirect the customer to the portal to reauthenticate
    the card.
    """

    def __init__(self, order: Order, payment_intent_id: str) -> None:
        self.order = order
        self.payment_intent_id = payment_intent_id
        message = (
            f"Order {order.id} payment requires customer authentication "
            "(e.g. 3DS challenge); off-session charge cannot complete."
        )
        super().__init__(message, 402)


class OffSessionChargesNotEnabled(OrderError):
    """The organization is not allowed to use the off-session charges API."""

    def __init__(self, organization_id: uuid.UUID) -> None:
        self.organization_id = organization_id
        super().__init__(
            "Off-session charges are not enabled for this organization "
            f"({organization_id}). Contact Polar support to opt in.",
            403,
        )


class OrganizationNotReadyForPayments(OrderError):
    """The organization's account can't currently accept payments (e.g. not yet
    onboarded or under review), so an off-session charge can't be attempted."""

    def __init__(self, organization_id: uuid.UUID) -> None:
        self.organization_id = organization_id
        super().__init__(
            f"This organization ({organization_id}) can't accept payments yet. "
            "Its account may be pending onboarding or under review.",
            403,
        )


class OrderNotDraft(OrderError):
    """Operation only valid on orders in `draft` status."""

    def __init__(self, order: Order) -> None:
        self.order = order
        super().__init__(
            f"Order {order.id} is not in draft status (current: {order.status}). "
            "Only draft orders can be modified or finalized.",
            412,
        )


class PaymentRetryValidationError(OrderError):
    def __init__(self, message: str) -> None:
        super().__init__(message, 422)


class ManualRetryLimitExceeded(OrderError):
    def __init__(self, order: Order) -> None:
        self.order = order
        message = (
            f"Maximum number of manual payment retry attempts has been reached "
            f"for order {order.id}."
        )
        super().__init__(message, 429)


class SubscriptionNotTrialing(OrderError):
    def __init__(self, subscription: Subscription) -> None:
        self.subscription = subscription
        message = f"Subscription {subscription.id} is not in trialing status."
        super().__init__(message)


class OrderService:
    @asynccontextmanager
    async def acquire_payment_lock(
        self, session: AsyncSession, order: Order
    ) -> AsyncIterator[None]:
        """
        Context manager to acquire a payment lock for an order.
        The lock is held after a successful operation and must be released
        by the webhook handler (e.g., handle_payment or handle_payment_failure).
        The lock is released automatically if an exception occurs.
        """

        repository = OrderRepository.from_session(session)

        # Try to acquire the lock
        lock_acquired = await repository.acquire_payment_lock_by_id(order.id)
        if not lock_acquired:
            raise PaymentAlreadyInProgress(order)

        try:
            yield
        except Exception:
            await repository.release_payment_lock(order, flush=True)
            raise

    async def list(
        self,
        session: AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        organization_id: Sequence[uuid.UUID] | None = None,
        product_id: Sequence[uuid.UUID] | None = None,
        product_billing_type: Sequence[ProductBillingType] | None = None,
        discount_id: Sequence[uuid.UUID] | None = None,
        customer_id: Sequence[uuid.UUID] | None = None,
        external_customer_id: Sequence[str] | None = None,
        checkout_id: Sequence[uuid.UUID] | None = None,
        subscription_id: Sequence[uuid.UUID] | None = None,
        status: Sequence[OrderStatus] | None = None,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        metadata: MetadataQuery | None = None,
        pagination: PaginationParams,
        sorting: Sequence[Sorting[OrderSortProperty]] = (
            (OrderSortProperty.created_at, True),
        ),
    ) -> tuple[Sequence[Order], int]:
        repository = OrderRepository.from_session(session)
        accessible_org_ids = await get_accessible_org_ids(
            session, auth_subject, permission=OrganizationPermission.sales_read
        )
        statement = repository.get_statement_by_org_ids(accessible_org_ids)

        statement = (
            statement.join(Customer, Order.customer_id == Customer.id)
            .join(Order.discount, isouter=True)
            .join(Order.product, isouter=True)
            .options(
                *repository.get_eager_options(
                    customer_load=contains_eager(Order.customer),
                    product_load=contains_eager(Order.product),
                    discount_load=contains_eager(Order.discount),
                )
            )
        )

        if organization_id is not None:
            statement = statement.where(Order.organization_id.in_(organization_id))

        if product_id is not None:
            statement = statement.where(Order.product_id.in_(product_id))

        if product_billing_type is not None:
            product_repository = ProductRepository.from_session(session)
            product_subquery = (
                product_repository.get_statement_by_org_ids(accessible_org_ids)
                .with_only_columns(Product.id)
                .where(Product.billing_type.in_(product_billing_type))
            )
            statement = statement.where(Order.product_id.in_(product_subquery))

        if discount_id is not None:
            statement = statement.where(Order.discount_id.in_(discount_id))

        if customer_id is not None:
            statement = statement.where(Order.customer_id.in_(customer_id))

        if external_customer_id is not None:
            statement = statement.where(
                Customer.external_id.in_(external_customer_id),
                ~Customer.is_deleted,
            )

        if checkout_id is not None:
            statement = statement.where(Order.checkout_id.in_(checkout_id))

        if subscription_id is not None:
            statement = statement.where(Order.subscription_id.in_(subscription_id))

        if status is not None:
            statement = statement.where(Order.status.in_(status))

        if created_after is not None:
            statement = statement.where(Order.created_at > created_after)

        if created_before is not None:
            statement = statement.where(Order.created_at < created_before)

        if metadata is not None:
            statement = apply_metadata_clause(Order, statement, metadata)

        statement = repository.apply_sorting(statement, sorting)

        return await repository.paginate(
            statement, limit=pagination.limit, page=pagination.page
        )

    async def get(
        self,
        session: AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        id: uuid.UUID,
    ) -> Order | None:
        repository = OrderRepository.from_session(session)
        return await repository.get_readable_by_id(
            auth_subject,
            id,
            options=repository.get_eager_options(
                product_load=joinedload(Order.product),
            ),
        )

    async def update(
        self,
        session: AsyncSession,
        order: Order,
        order_update: OrderUpdate | CustomerOrderUpdate,
    ) -> Order:
        repository = OrderRepository.from_session(session)

        errors: list[ValidationError] = []

        billing_address = order_update.billing_address
        if billing_address is not None and order.billing_address is not None:
            if str(billing_address.country) != str(order.billing_address.country):
                errors.append(
                    {
                        "loc": ("body", "billing_address", "country"),
                        "msg": "Country cannot be changed",
                        "type": "value_error",
                        "input": billing_address.country,
                    }
                )
            if billing_address.state != order.billing_address.state:
                errors.append(
                    {
                        "loc": ("body", "billing_address", "state"),
                        "msg": "State cannot be changed",
                        "type": "value_error",
                        "input": billing_address.state,
                    }
                )

        if errors:
            raise PolarRequestValidationError(errors)

        order = await repository.update(
            order, update_dict=order_update.model_dump(exclude_unset=True)
        )

        await self.send_webhook(session, order, WebhookEventType.order_updated)

        return order

    async def set_refunds_blocked(
        self,
        session: AsyncSession,
        order: Order,
        blocked: bool,
    ) -> Order:
        repository = OrderRepository.from_session(session)
        refunds_blocked_at = utc_now() if blocked else None
        order = await repository.update(
            order, update_dict={"refunds_blocked_at": refunds_blocked_at}
        )

        log.info(
            "order.refunds_blocked_changed",
            order_id=order.id,
            refunds_blocked=blocked,
            refunds_blocked_at=refunds_blocked_at,
        )

        return order

    async def trigger_invoice_generation(
        self, session: AsyncSession, order: Order, *, force: bool = False
    ) -> None:
        if order.status in (OrderStatus.draft, OrderStatus.void):
            raise OrderNotEligibleForInvoice(order)

        if order.billing_name is None or order.billing_address is None:
            raise MissingInvoiceBillingDetails(order)

        if (
            not force
            and order.invoice_path is not None
            and order.invoice_checksum == invoice_service.compute_order_checksum(order)
        ):
            log.info(
                "order.invoice_generation.skipped",
                order_id=order.id,
                reason="checksum_match",
                stage="trigger",
            )
            return

        log.info("order.invoice_generation.scheduled", order_id=order.id, force=force)
        enqueue_job("order.invoice", order_id=order.id, force=force)

    async def generate_invoice(
        self, session: AsyncSession, order: Order, *, force: bool = False
    ) -> Order:
        if (
            not force
            and order.invoice_path is not None
            and order.invoice_checksum == invoice_service.compute_order_checksum(order)
        ):
            log.info(
                "order.invoice_generation.skipped",
                order_id=order.id,
                reason="checksum_match",
                stage="worker",
            )
            return order

        invoice_path = await invoice_service.create_order_invoice(order)
        repository = OrderRepository.from_session(session)
        order = await repository.update(
            order,
            update_dict={
                "invoice_path": invoice_path,
                "invoice_checksum": invoice_service.compute_order_checksum(order),
            },
        )

        await eventstream_publish(
            "order.invoice_generated",
            {"order_id": order.id},
            customer_id=order.customer_id,
            organization_id=order.organization_id,
        )

        await self.send_webhook(session, order, WebhookEventType.order_updated)

        return order

    async def get_order_invoice(self, order: Order) -> OrderInvoice:
        if order.invoice_path is None:
            raise InvoiceDoesNotExist(order)

        url, _ = await invoice_service.get_order_invoice_url(order)
        return OrderInvoice(url=url)

    async def get_order_receipt(self, order: Order) -> OrderReceipt | None:
        if order.receipt_number is None:
            raise ReceiptNotAllocated(order)

        result = await receipt_service.get_pdf_url_or_status(order)
        if result is None:
            return None
        url, _ = result
        return OrderReceipt(url=url)

    async def create_from_checkout_one_time(
        self, session: AsyncSession, checkout: Checkout, payment: Payment | None = None
    ) -> Order:
        assert has_product_checkout(checkout)

        product = checkout.product
        if product.is_recurring:
            raise RecurringProduct(checkout, product)

        order = await self._create_order_from_checkout(
            session, checkout, OrderBillingReasonInternal.purchase, payment
        )

        # Key the decision off the seats actually purchased on this order, not the
        # product's price catalog: a product may compose a fixed price with a seat
        # price, so only `order.seats` reflects whether seats were really bought.
        if order.seats is None:
            # Non-seat orders grant benefits immediately
            enqueue_job(
                "benefit.enqueue_benefits_grants",
                task="grant",
                customer_id=order.customer.id,
                product_id=product.id,
                order_id=order.id,
            )
        else:
            # Seat-based orders grant benefits when seats are claimed; upgrade the
            # buyer to a 'team' customer so they can manage and claim their seats
            # (mirrors the subscription flow)
            await customer_service.upgrade_to_team(session, order.customer)

        # Trigger notifications
        organization = checkout.organization
        await self.send_admin_notification(session, organization, order)

        return order

    async def create_from_checkout_subscription(
        self,
        session: AsyncSession,
        checkout: Checkout,
        subscription: Subscription,
        billing_reason: Literal[
            OrderBillingReasonInternal.subscription_create,
            OrderBillingReasonInternal.subscription_update,
        ],
        payment: Payment | None = None,
    ) -> Order:
        assert has_product_checkout(checkout)

        product = checkout.product
        if not product.is_recurring:
            raise NotRecurringProduct(checkout, product)

        if subscription.trialing:
            return await self.create_trial_order(
                session, subscription, billing_reason, checkout
            )

        return await self._create_order_from_checkout(
            session, checkout, billing_reason, payment, subscription
        )

    def _build_static_order_items(
        self,
        prices: Iterable[ProductPrice],
        *,
        amount: int | None,
        seats: int | None,
        units: int | None = None,
    ) -> Sequence[OrderItem]:
        """
        Build order line items for the static prices of a product.

        Metered prices are skipped (they're billed through usage). Custom
        (pay-what-you-want) prices use `amount`; seat-based prices use `seats`;
        unit-based prices use `units`. Callers are responsible for validating
        that `amount` / `seats` / `units` are present when the product requires
        them.
        """
        items: list[OrderItem] = []
        for price in prices:
            if not is_static_price(price):
                continue
            if is_custom_price(price):
                items.append(OrderItem.from_price(price, 0, amount))
            else:
                items.append(OrderItem.from_price(price, 0, seats=seats, units=units))
        return items

    def _build_draft_order_items(
        self,
        prices: Iterable[ProductPrice],
        *,
        amount: int | None,
        label: str | None,
    ) -> Sequence[OrderItem]:
        """
        Build line items for an off-session draft order over a product's
        fixed/free static prices.

        `amount`, when provided, overrides the charge (the merchant sets a custom
        price for this order); otherwise the price's own amount is used — the
        configured amount for fixed prices, 0 for free prices. `label` overrides
        the line item's description, defaulting to the product name.
        """
        items: list[OrderItem] = []
        for price in prices:
            if not is_static_price(price):
                continue
            if amount is not None:
                items.append(
                    OrderItem(
                        label=label if label is not None else price.product.name,
                        amount=amount,
                        tax_amount=0,
                        net_amount=amount,
                        proration=False,
                        product_price=price,
                    )
                )
            else:
                items.append(OrderItem.from_price(price, 0, label=label))
        return items

    def _validate_purchase_amount(self, payload: OrderCreate, currency: str) -> None:
        """
        When the merchant provides a custom `amount`, ensure a positive amount
        falls within the currency's processor bounds — otherwise the charge
        would be rejected at finalize. A 0 amount is allowed (e.g. a free
        product).
        """
        if payload.amount is None or payload.amount == 0:
            return
        currency_minimum = get_minimum_currency_amount(currency)
        if payload.amount < currency_minimum:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "greater_than_equal",
                        "loc": ("body", "amount"),
                        "msg": (
                            "Amount must be at least "
                            f"{format_currency(currency_minimum, currency)}."
                        ),
                        "input": payload.amount,
                        "ctx": {"ge": currency_minimum},
                    }
                ]
            )
        currency_maximum = get_maximum_currency_amount(currency)
        if payload.amount > currency_maximum:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "less_than_equal",
                        "loc": ("body", "amount"),
                        "msg": (
                            "Amount must be at most "
                            f"{format_currency(currency_maximum, currency)}."
                        ),
                        "input": payload.amount,
                        "ctx": {"le": currency_maximum},
                    }
                ]
            )

    async def _create_order_from_checkout(
        self,
        session: AsyncSession,
        checkout: Checkout,
        billing_reason: OrderBillingReasonInternal,
        payment: Payment | None = None,
        subscription: Subscription | None = None,
    ) -> Order:
        customer = checkout.customer
        if customer is None:
            raise MissingCheckoutCustomer(checkout)

        items: list[OrderItem] = []
        if has_product_checkout(checkout):
            currency_prices = PriceSet.from_prices(
                checkout.prices[checkout.product_id], checkout.currency
            )
            items = list(
                self._build_static_order_items(
                    currency_prices,
                    amount=checkout.amount,
                    seats=checkout.seats,
                    units=checkout.units,
                )
            )

        discount_amount = checkout.discount_amount

        organization = checkout.organization
        invoice_number = await organization_service.get_next_invoice_number(
            session, organization, customer
        )

        repository = OrderRepository.from_session(session)
        order = await repository.create(
            Order(
                status=OrderStatus.paid,
                subtotal_amount=checkout.amount,
                discount_amount=discount_amount,
                tax_amount=checkout.tax_amount or 0,
                net_amount=checkout.net_amount,
                currency=checkout.currency,
                billing_reason=billing_reason,
                billing_name=customer.billing_name,
                billing_address=customer.billing_address,
                tax_id=customer.tax_id,
                tax_behavior=checkout.tax_behavior,
                tax_breakdown=checkout.tax_breakdown,
                invoice_number=invoice_number,
                organization=organization,
                customer=customer,
                product=checkout.product,
                discount=checkout.discount,
                subscription=subscription,
                checkout=checkout,
                user_metadata=checkout.user_metadata,
                custom_field_data=checkout.custom_field_data,
                items=items,
                seats=checkout.seats,
                units=checkout.units,
            ),
            flush=True,
        )

        if subscription is not None:
            subscription.update_net_amount_from(checkout)

        # Link payment and balance transaction to the order
        if payment is not None:
            payment_repository = PaymentRepository.from_session(session)
            assert payment.amount == order.total_amount
            await payment_repository.update(payment, update_dict={"order": order})
            enqueue_job(
                "order.balance", order_id=order.id, charge_id=payment.processor_id
            )
        else:
            await self._emit_balance_credit_order_event(session, order, organization)

        # Record tax transaction
        if checkout.tax_processor_id is not None:
            assert checkout.tax_processor is not None
            assert checkout.tax_behavior is not None
            assert order.billing_address is not None
            assert order.product is not None
            transaction_id, tax_processor = await tax_calculation_service.record(
                checkout.tax_processor,
                checkout.tax_processor_id,
                amount=checkout.net_amount,
                tax_amount=checkout.tax_amount or 0,
                currency=checkout.currency,
                address=order.billing_address,
                tax_code=order.product.tax_code,
                reference=str(order.id),
                transaction_date=order.created_at,
            )
            await repository.update(
                order,
                update_dict={
                    "tax_processor": tax_processor,
                    "tax_transaction_processor_id": transaction_id,
                },
            )

        await self._on_order_created(session, order)

        return order

    async def create_draft_order(
        self,
        session: AsyncSession,
        organization: Organization,
        payload: OrderCreate,
    ) -> Order:
        """
        Create a draft order for an off-session charge in `organization`. The
        order is persisted with `status=draft` and no invoice number; the
        merchant must call finalize_order() to charge the customer's saved
        payment method.

        The caller (endpoint) is responsible for having resolved `organization`
        and asserted `sales_manage` permission on it. The product and customer
        are looked up scoped to that organization.
        """
        if not organization.feature_settings.get("off_session_charges_enabled"):
            raise OffSessionChargesNotEnabled(organization.id)

        product_repository = ProductRepository.from_session(session)
        product = await product_repository.get_by_id_and_organization(
            payload.product_id,
            organization.id,
            options=product_repository.get_eager_options(),
        )
        if product is None:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": "Product does not exist.",
                        "input": payload.product_id,
                    }
                ]
            )
        if product.is_recurring:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": (
                            "Subscription products are not supported by the "
                            "off-session charge API. Use a one-time product."
                        ),
                        "input": payload.product_id,
                    }
                ]
            )
        if product.has_seat_based_price:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": (
                            "Seat-based products are not supported by the "
                            "off-session charge API."
                        ),
                        "input": payload.product_id,
                    }
                ]
            )
        if product.has_unit_based_price:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": (
                            "Unit-based products are not supported by the "
                            "off-session charge API."
                        ),
                        "input": payload.product_id,
                    }
                ]
            )

        # Off-session charges only support fixed-price and free products — the
        # amount is predetermined by the product, or set by the merchant via
        # `amount`, never chosen by the customer. Pay-what-you-want (custom)
        # prices are rejected.
        static_prices = [price for price in product.prices if is_static_price(price)]
        if not static_prices:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": "Product has no chargeable static prices.",
                        "input": payload.product_id,
                    }
                ]
            )
        if any(not is_fixed_price(price) for price in static_prices):
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "product_id"),
                        "msg": "Off-session charges only support fixed-price products.",
                        "input": payload.product_id,
                    }
                ]
            )

        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id_and_organization(
            payload.customer_id, organization.id
        )
        if customer is None:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "customer_id"),
                        "msg": "Customer does not exist.",
                        "input": payload.customer_id,
                    }
                ]
            )

        # Resolve the charge currency: use the one the merchant requested, else
        # fall back to the organization's default presentment currency (matching
        # the checkout flow). So `currency` only needs to be passed when the
        # product isn't priced in the organization's default currency.
        if payload.currency is not None:
            currency = payload.currency.lower()
        else:
            currency = organization.default_presentment_currency
        try:
            currency_prices = PriceSet.from_product(product, currency)
        except NoPricesForCurrencies as e:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "currency"),
                        "msg": (
                            f"Product has no price in currency '{currency}'."
                            if payload.currency is not None
                            else (
                                "Product is not priced in the organization's "
                                f"default currency ('{currency}'); specify a "
                                "currency to charge in."
                            )
                        ),
                        "input": payload.currency,
                    }
                ]
            ) from e

        self._validate_purchase_amount(payload, currency)
        items = list(
            self._build_draft_order_items(
                currency_prices,
                amount=payload.amount,
                label=payload.description,
            )
        )

        # Validate custom field values against the product's attached fields,
        # same as the checkout path. Unknown keys are dropped and values are
        # type-checked; required fields aren't enforced at draft creation.
        custom_field_data = validate_custom_field_data(
            product.attached_custom_fields,
            payload.custom_field_data,
            validate_required=False,
        )

        subtotal_amount = sum(item.amount for item in items)
        discount_amount = 0

        order_id = uuid.uuid4()
        # Unlike the subscription flow, a draft order persists its tax and never
        # recomputes it at finalize — so a tax we can't compute now (e.g. the
        # customer's billing address is missing or invalid) must be rejected
        # rather than silently charged tax-free.
        try:
            (
                tax_processor,
                tax_behavior,
                tax_calculation_processor_id,
                tax_amount,
                tax_breakdown,
            ) = await calculate_tax(
                reference=str(order_id),
                taxable_amount=subtotal_amount - discount_amount,
                tax_behavior_option=organization.default_tax_behavior,
                currency=currency,
                customer=customer,
                product=product,
                tax_exempted=False,
                allow_silent_failure=False,
            )
        except TaxCalculationLogicalError as e:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "value_error",
                        "loc": ("body", "customer_id"),
                        "msg": (
                            "Tax could not be calculated for this order. The "
                            "customer needs a complete, valid billing address "
                            "before an off-session charge can be created."
                        ),
                        "input": payload.customer_id,
                    }
                ]
            ) from e

        net_amount = (
            subtotal_amount
            - discount_amount
            - (tax_amount if tax_behavior == TaxBehavior.inclusive else 0)
        )

        repository = OrderRepository.from_session(session)
        order = await repository.create(
            Order(
                id=order_id,
                status=OrderStatus.draft,
                subtotal_amount=subtotal_amount,
                discount_amount=discount_amount,
                tax_amount=tax_amount,
                net_amount=net_amount,
                currency=currency,
                billing_reason=OrderBillingReasonInternal.purchase,
                billing_name=customer.billing_name,
                billing_address=customer.billing_address,
                tax_id=customer.tax_id,
                tax_behavior=tax_behavior,
                tax_breakdown=tax_breakdown or None,
                tax_processor=tax_processor,
                tax_calculation_processor_id=tax_calculation_processor_id,
                invoice_number=None,
                organization=organization,
                customer=customer,
                product=product,
                discount=None,
                subscription=None,
                checkout=None,
                user_metadata=payload.metadata,
                custom_field_data=custom_field_data,
                items=items,
                seats=None,
            ),
            flush=True,
        )

        # Fire the `order.created` webhook so merchants are notified about the
        # draft. The `order.paid`/`order.updated` events are emitted later by
        # finalize_order once the charge settles.
        await self.send_webhook(session, order, WebhookEventType.order_created)

        return order

    async def finalize_order(
        self,
        session: AsyncSession,
        order: Order,
        *,
        payment_method_id: uuid.UUID | None = None,
    ) -> Order:
        """
        Finalize a draft order: resolve the payment method, atomically claim the
        draft, and synchronously attempt an off-session charge. On success the
        order transitions to paid, gets an invoice number, and benefit grants
        fire before this method returns. On any failure the order is reverted to
        draft so the merchant can fix the situation and retry against the same
        order ID. The invoice number is assigned only on success, so failed
        attempts don't burn invoice numbers.
        """
        if order.status != OrderStatus.draft:
            raise OrderNotDraft(order)

        organization = order.organization
        if not organization.feature_settings.get("off_session_charges_enabled"):
            raise OffSessionChargesNotEnabled(organization.id)

        # Surface the real reason up front: trigger_payment would otherwise
        # short-circuit on this same capability and leave the order pending,
        # which the None-handling below can only report as a generic failure.
        if not organization.can_accept_payments:
            raise OrganizationNotReadyForPayments(organization.id)

        customer = order.customer
        payment_method = await self._resolve_payment_method(
            session, customer, payment_method_id
        )

        # Atomically claim the draft (draft -> pending). If another request
        # already claimed it, this returns False and we bail out so two
        # finalizes can't both charge / race the order status.
        repository = OrderRepository.from_session(session)
        if not await repository.start_finalization(order.id):
            raise OrderNotDraft(order)
        # Sync the in-memory status with the atomic transition (deterministic on
        # a successful claim) so trigger_payment, which requires `pending`, sees
        # it — without a refresh round-trip or expiring loaded relationships.
        order.status = OrderStatus.pending

        # Any failure from trigger_payment happens before a charge completes
        # (declines raise, SCA returns requires_action, a concurrent lock raises
        # PaymentAlreadyInProgress), so reverting to draft is always safe here.
        try:
            payment_intent = await self.trigger_payment(
                session, order, payment_method, payment_mode=PaymentMode.sync
            )
        except Exception:
            await self._revert_to_draft(session, order)
            raise

        if payment_intent is None:
            # trigger_payment short-circuited without a charge. The expected
            # case is under-currency-minimum, which already marked the order
            # paid (org capability was checked above), so re-read for a clean
            # status: paid -> assign the invoice number and return. A still
            # `pending` order here means no Stripe charge could be attempted
            # (e.g. a non-Stripe payment method), so revert and report failure.
            settled = await repository.get_by_id(order.id)
            if settled is not None and settled.status == OrderStatus.pending:
                await self._revert_to_draft(session, order)
                raise PaymentFailed(PaymentFailedReason.missing_payment_method)
            order = await self._assign_invoice_number(session, order)
        else:
            # Apply the charge.succeeded path inline so the finalize HTTP
            # response carries the paid order. The webhook arrives shortly after
            # and no-ops via the idempotency guards in
            # upsert_from_stripe_charge / handle_payment.
            charge = self._get_intent_charge(payment_intent)
            order = await self._assign_invoice_number(session, order)
            payment = await payment_service.upsert_from_stripe_charge(
                session, charge, organization, None, None, order
            )
            order = await self.handle_payment(session, order, payment)

        return order

    def _get_intent_charge(
        self, payment_intent: stripe_lib.PaymentIntent
    ) -> stripe_lib.Charge:
        """Return the Charge from a confirmed PaymentIntent.

        trigger_payment creates the intent with ``expand=["latest_charge"]``,
        so this is a full Charge object. We raise (rather than assert) if it
        isn't, since asserts are stripped under ``-O`` and this runs after the
        customer has been charged.
        """
        charge = payment_intent.latest_charge
        if not isinstance(charge, stripe_lib.Charge):
            raise OrderError(
                f"PaymentIntent {payment_intent.id} is missing its expanded "
                "latest_charge; cannot settle the order synchronously."
            )
        return charge

    async def _assign_invoice_number(
        self, session: AsyncSession, order: Order
    ) -> Order:
        """Assign the next invoice number to an order that doesn't have one."""
        if order.invoice_number is not None:
            return order
        invoice_number = await organization_service.get_next_invoice_number(
            session, order.organization, order.customer
        )
        repository = OrderRepository.from_session(session)
        return await repository.update(
            order, update_dict={"invoice_number": invoice_number}
        )

    async def _resolve_payment_method(
        self,
        session: AsyncSession,
        customer: Customer,
        payment_method_id: uuid.UUID | None,
    ) -> PaymentMethod:
        """
        Resolve the payment method to charge for an off-session order: the
        explicitly requested one (which must belong to the customer), else the
        customer's default. Raises PaymentFailed if none is usable.
        """
        repository = PaymentMethodRepository.from_session(session)
        if payment_method_id is not None:
            payment_method = await repository.get_by_id(
                payment_method_id, options=repository.get_eager_options()
            )
            if payment_method is None or payment_method.customer_id != customer.id:
                raise PaymentFailed(PaymentFailedReason.missing_payment_method)
            return payment_method

        payment_method = await payment_method_service.get_customer_payment_method(
            session, customer
        )
        if payment_method is None:
            raise PaymentFailed(PaymentFailedReason.missing_payment_method)
        return payment_method

    async def _revert_to_draft(self, session: AsyncSession, order: Order) -> Order:
        """
        Roll a failed finalize back to draft so the merchant can fix the
        situation and retry against the same order ID. flush=True so the revert
        is persisted even as the request bubbles up the failure exception. The
        invoice number is only assigned on success, so there's nothing to
        release here (cleared defensively).
        """
        repository = OrderRepository.from_session(session)
        return await repository.update(
            order,
            update_dict={"status": OrderStatus.draft, "invoice_number": None},
            flush=True,
        )

    async def create_subscription_order(
        self,
        session: AsyncSession,
        subscription: Subscription,
        billing_reason: OrderBillingReasonInternal,
        *,
        cutoff: datetime | None = None,
        payment_mode: PaymentMode = PaymentMode.background,
    ) -> Order:
        """
        Create an order for a subscription based on its pending billing entries.

        Args:
            session: Database session to use for the operation.
            subscription: The subscription for which to create the order.
            billing_reason: The reason for billing the subscription.
            cutoff: The exclusive usage billing cutoff for the order.
            payment_mode: The mode of payment, either "sync" or "background".
                In "background" mode, the order will be created with pending status
                and payment will be triggered asynchronously.
                In "sync" mode, the order will be created and payment
                will be attempted immediately.
                If payment fails, an exception will be raised and the order will not be created.

        Returns:
            The created Order object.
        """
        include_metered = (
            billing_reason != OrderBillingReasonInternal.subscription_update
        )
        async with billing_entry_service.create_order_items_from_pending(
            session, subscription, include_metered=include_metered, cutoff=cutoff
        ) as items:
            if len(items) == 0:
                raise NoPendingBillingEntries(subscription)

            return await self._create_order(
                session,
                subscription,
                list(items),
                billing_reason,
                payment_mode=payment_mode,
            )

    async def build_subscription_order(
        self,
        session: AsyncSession,
        subscription: Subscription,
        items: Sequence[OrderItem],
        billing_reason: OrderBillingReasonInternal,
        *,
        lock_balance: bool,
        discount: Discount | None,
        reference: str | None = None,
    ) -> Order:
        """Build the subscription order for ``items`` without persisting: no invoice
        number, no side effects. ``lock_balance`` locks the wallet balance (the
        persist path must; a preview must not); ``reference`` keys the tax calc."""
        order_id = uuid.uuid4()
        customer = subscription.customer

        amounts = await compute_order_amounts(
            subscription,
            items,
            reference=reference or str(order_id),
            discount=discount,
        )
        total_amount = amounts.total_amount

        customer_balance = await wallet_service.get_billing_wallet_balance(
            session, customer, subscription.currency, for_update=lock_balance
        )
        applied_balance_amount = apply_wallet_balance(total_amount, customer_balance)

        return Order(
            id=order_id,
            status=OrderStatus.pending,
            subtotal_amount=amounts.subtotal_amount,
            discount_amount=amounts.discount_amount,
            tax_amount=amounts.tax_amount,
            net_amount=amounts.net_amount,
            applied_balance_amount=applied_balance_amount,
            currency=subscription.currency,
            billing_reason=billing_reason,
            billing_name=customer.billing_name,
            billing_address=customer.billing_address,
            tax_behavior=amounts.tax_behavior,
            tax_id=customer.tax_id,
            tax_breakdown=amounts.tax_breakdown or None,
            tax_processor=amounts.tax_processor,
            tax_calculation_processor_id=amounts.tax_calculation_processor_id,
            organization=subscription.organization,
            customer=customer,
            product=subscription.product,
            discount=discount,
            subscription=subscription,
            checkout=None,
            items=items,
            user_metadata=subscription.user_metadata,
            custom_field_data=subscription.custom_field_data,
        )

    async def _create_order(
        self,
        session: AsyncSession,
        subscription: Subscription,
        items: Sequence[OrderItem],
        billing_reason: OrderBillingReasonInternal,
        *,
        payment_mode: PaymentMode = PaymentMode.background,
    ) -> Order:
        """Build, persist and dispatch a subscription order from ``items``: invoice
        number, balance impact, optional meter reset, then payment."""
        customer = subscription.customer

        # Fixed discounts are per-order, so applying one per meter-cycle settlement
        # multiplies the giveaway by cadence; percentage discounts are
        # cadence-invariant and still apply. See #154.
        discount = subscription.discount
        if (
            billing_reason == OrderBillingReasonInternal.subscription_meter_cycle
            and discount is not None
            and discount.type != DiscountType.percentage
        ):
            discount = None

        order = await self.build_subscription_order(
            session,
            subscription,
            items,
            billing_reason,
            lock_balance=True,
            discount=discount,
        )
        balance_change = (
            order.applied_balance_amount
            if order.total_amount >= 0
            else -order.total_amount
        )

        order.invoice_number = await organization_service.get_next_invoice_number(
            session, subscription.organization, customer
        )

        repository = OrderRepository.from_session(session)
        order = await repository.create(order, flush=True)

        subscription.update_net_amount_from(order)

        # Impact customer's balance
        if balance_change != 0:
            await wallet_service.create_balance_transaction(
                session,
                customer,
                balance_change,
                subscription.currency,
                order=order,
            )

        # Emit creation events before settling payment, so `order.created` always
        # precedes `order.paid` and the settling branches below own the paid
        # transition.
        await self._on_order_created(session, order)

        # If the due amount is less or equal than zero, mark it as paid immediately
        if order.due_amount <= 0:
            previous_status = order.status
            order = await repository.update(
                order, update_dict={"status": OrderStatus.paid}
            )
            await self._emit_balance_credit_order_event(
                session, order, subscription.organization
            )
            await self._on_order_updated(session, order, previous_status)
        # Sync mode, attempt payment immediately and raise if it fails
        elif payment_mode == PaymentMode.sync:
            payment_method_id = (
                subscription.payment_method_id or customer.default_payment_method_id
            )
            if payment_method_id is None:
                raise PaymentFailed(PaymentFailedReason.missing_payment_method)
            payment_method_repository = PaymentMethodRepository.from_session(session)
            payment_method = await payment_method_repository.get_by_id(
                payment_method_id
            )
            if payment_method is None:
                raise PaymentFailed(PaymentFailedReason.missing_payment_method)
            await self.trigger_payment(
                session,
                order,
                payment_method,
                payment_mode=payment_mode,
                payment_trigger=PaymentTrigger.subscription_cycle,
            )
        # Async mode, allow payment to fail and be retried later
        else:
            payment_method_id = (
                subscription.payment_method_id or customer.default_payment_method_id
            )
            if payment_method_id is None:
                previous_status = order.status
                order = await self.handle_payment_failure(session, order)
                # Dunning state lands after `order.created` was emitted, so emit
                # the update that carries the retry schedule to merchants.
                await self._on_order_updated(session, order, previous_status)
            else:
                enqueue_job(
                    "order.trigger_payment",
                    order_id=order.id,
                    payment_method_id=payment_method_id,
                    payment_trigger=PaymentTrigger.subscription_cycle,
                )

        return order

    async def settle_meter_cycle_order(
        self,
        session: AsyncSession,
        subscription: Subscription,
    ) -> Order | None:
        async with billing_entry_service.create_metered_order_items_from_pending(
            session, subscription
        ) as items:
            if len(items) == 0:
                return None
            return await self._create_order(
                session,
                subscription,
                list(items),
                OrderBillingReasonInternal.subscription_meter_cycle,
            )

    async def create_trial_order(
        self,
        session: AsyncSession,
        subscription: Subscription,
        billing_reason: Literal[
            OrderBillingReasonInternal.subscription_create,
            OrderBillingReasonInternal.subscription_update,
        ],
        checkout: Checkout | None = None,
    ) -> Order:
        if not subscription.trialing:
            raise SubscriptionNotTrialing(subscription)
        assert subscription.trial_start is not None
        assert subscription.trial_end is not None

        product = subscription.product
        customer = subscription.customer

        items: list[OrderItem] = [
            OrderItem.from_trial(
                product, subscription.trial_start, subscription.trial_end
            )
        ]

        organization = subscription.organization
        invoice_number = await organization_service.get_next_invoice_number(
            session, organization, customer
        )

        repository = OrderRepository.from_session(session)
        order = await repository.create(
            Order(
                status=OrderStatus.paid,
                subtotal_amount=sum(item.amount for item in items),
                discount_amount=0,
                tax_amount=0,
                net_amount=0,
                currency=subscription.currency,
                billing_reason=billing_reason,
                billing_name=customer.billing_name,
                billing_address=customer.billing_address,
                tax_id=customer.tax_id,
                tax_breakdown=None,
                invoice_number=invoice_number,
                organization=organization,
                customer=customer,
                product=product,
                discount=None,
                subscription=subscription,
                checkout=checkout,
                user_metadata=subscription.user_metadata,
                custom_field_data=subscription.custom_field_data,
                items=items,
            ),
            flush=True,
        )

        if checkout is not None:
            subscription.update_net_amount_from(checkout)

        await self._on_order_created(session, order)

        return order

    async def create_wallet_order(
        self,
        session: AsyncSession,
        wallet_transaction: WalletTransaction,
        payment: Payment | None,
    ) -> Order:
        wallet = wallet_transaction.wallet
        items: list[OrderItem] = [
            OrderItem.from_wallet(wallet, wallet_transaction.amount)
        ]

        customer = wallet.customer
        billing_address = customer.billing_address

        subtotal_amount = sum(item.amount for item in items)

        invoice_number = await organization_service.get_next_invoice_number(
            session, wallet.organization, wallet.customer
        )

        repository = OrderRepository.from_session(session)
        order = await repository.create(
            Order(
                status=OrderStatus.paid,
                subtotal_amount=subtotal_amount,
                discount_amount=0,
                tax_amount=wallet_transaction.tax_amount or 0,
                net_amount=subtotal_amount,
                applied_balance_amount=0,
                currency=wallet.currency,
                billing_reason=OrderBillingReasonInternal.purchase,
                billing_name=customer.billing_name,
                billing_address=billing_address,
                tax_id=customer.tax_id,
                tax_breakdown=wallet_transaction.tax_breakdown,
                invoice_number=invoice_number,
                organization=wallet.organization,
                customer=customer,
                items=items,
                product=None,
                discount=None,
                subscription=None,
                checkout=None,
            ),
            flush=True,
        )

        # Link payment and balance transaction to the order
        if payment is not None:
            payment_repository = PaymentRepository.from_session(session)
            assert payment.amount == order.total_amount
            await payment_repository.update(payment, update_dict={"order": order})
            enqueue_job(
                "order.balance", order_id=order.id, charge_id=payment.processor_id
            )

        # Link wallet transaction to the order
        wallet_transaction_repository = WalletTransactionRepository.from_session(
            session
        )
        await wallet_transaction_repository.update(
            wallet_transaction, update_dict={"order": order}
        )

        # Record tax transaction
        if wallet_transaction.tax_calculation_processor_id is not None:
            assert wallet_transaction.tax_processor is not None
            assert order.billing_address is not None
            transaction_id, tax_processor = await tax_calculation_service.record(
                wallet_transaction.tax_processor,
                wallet_transaction.tax_calculation_processor_id,
                amount=order.net_amount,
                tax_amount=order.tax_amount,
                currency=order.currency,
                address=order.billing_address,
                tax_code=TaxCode.general_electronically_supplied_services,
                reference=str(order.id),
                transaction_date=order.created_at,
            )
            await repository.update(
                order,
                update_dict={
                    "tax_processor": tax_processor,
                    "tax_transaction_processor_id": transaction_id,
                },
            )

        await self._on_order_created(session, order)

        return order

    async def trigger_payment(
        self,
        session: AsyncSession,
        order: Order,
        payment_method: PaymentMethod,
        *,
        payment_mode: PaymentMode = PaymentMode.background,
        payment_trigger: PaymentTrigger | None = None,
    ) -> stripe_lib.PaymentIntent | None:
        """
        Attempt an off-session charge for the order.

        Returns the Stripe PaymentIntent on Stripe-card paths so callers in
        synchronous mode can apply the success path inline without waiting for
        the webhook. Returns None for the under-minimum / non-Stripe / disabled
        branches that don't create a PaymentIntent.
        """
        if order.status != OrderStatus.pending:
            raise OrderNotPending(order)

        organization = order.organization
        is_renewal_payment = (
            payment_trigger is not None and payment_trigger.is_renewal_payment()
        )
        capability_enabled = (
            organization.can_renew_subscriptions
            if is_renewal_payment
            else organization.can_accept_payments
        )
        if not capability_enabled:
            log.info(
                "Organization capability disabled, skipping payment",
                order_id=order.id,
                organization_id=organization.id,
                capability=(
                    "subscription_renewals"
                    if is_renewal_payment
                    else "checkout_payments"
                ),
            )
            return None

        if order.payment_lock_acquired_at is not None:
            log.warning("Payment already in progress", order_id=order.id)
            raise PaymentAlreadyInProgress(order)

        if (
            payment_method.processor == PaymentProcessor.stripe
            and order.due_amount < get_minimum_currency_amount(order.currency)
        ):
            # Under the currency minimum, mark it as paid
            repository = OrderRepository.from_session(session)
            previous_status = order.status
            order = await repository.update(
                order, update_dict={"status": OrderStatus.paid}
            )

            # Allocate the invoice number before emitting events/hooks so the
            # `order.paid` webhook never observes a paid order without one
            # (off-session drafts only get their number here). Idempotent, so
            # orders that already have one — e.g. subscription renewals — no-op.
            order = await self._assign_invoice_number(session, order)

            # Add to the customer's balance
            await wallet_service.create_balance_transaction(
                session,
                order.customer,
                -order.due_amount,
                order.currency,
                order=order,
            )

            await self._emit_balance_credit_order_event(
                session, order, order.organization
            )
            await self._on_order_updated(session, order, previous_status)
            return None

        async with self.acquire_payment_lock(session, order):
            if payment_method.processor == PaymentProcessor.stripe:
                metadata: dict[str, Any] = {
                    "organization_id": str(order.organization_id),
                    "order_id": str(order.id),
                    "payment_mode": payment_mode,
                }
                if payment_trigger is not None:
                    metadata[STRIPE_METADATA_PAYMENT_TRIGGER] = payment_trigger

                if order.tax_breakdown:
                    metadata["tax_amount"] = order.tax_amount
                    metadata["tax_country"] = order.tax_breakdown[0]["country"]
                    metadata["tax_state"] = order.tax_breakdown[0]["state"]

                stripe_customer_id = order.customer.stripe_customer_id
                assert stripe_customer_id is not None

                # Off-session finalize is retried by the merchant against the
                # same order (which reverts to draft on failure), so the charge
                # must be idempotent: if it succeeds but the response/commit is
                # lost, a retry returns the cached PaymentIntent instead of
                # double-charging. Scoping the key to the payment method keeps a
                # retry with a *different* card a genuinely fresh attempt. Only
                # the sync path sets this — background dunning relies on Stripe
                # attempting a brand-new charge on each retry.
                idempotency_key: str | None = None
                if payment_mode == PaymentMode.sync:
                    idempotency_key = (
                        f"order_finalize:{order.id}:{payment_method.processor_id}"
                    )

                try:
                    payment_intent = await stripe_service.create_payment_intent(
                        amount=order.due_amount,
                        currency=order.currency,
                        payment_method=payment_method.processor_id,
                        customer=stripe_customer_id,
                        confirm=True,
                        off_session=True,
                        expand=["latest_charge"],
                        statement_descriptor_suffix=order.statement_descriptor_suffix,
                        description=f"{order.organization.name} — {order.description}",
                        metadata=metadata,
                        idempotency_key=idempotency_key,
                    )
                except stripe_lib.CardError as e:
                    # Card errors (declines, expired cards, etc.) should not be retried
                    # They will be handled by the dunning process
                    log.info(
                        "Card payment failed",
                        order_id=order.id,
                        error_code=e.code,
                        error_message=e.user_message,
                    )
                    if payment_mode == PaymentMode.sync:
                        await self._mark_intent_as_failed_sync(e)
                    raise PaymentFailed(PaymentFailedReason.card_error) from e
                except stripe_lib.InvalidRequestError as e:
                    error = e.error
                    if error is not None and error.message:
                        message = error.message.lower()
                        if (
                            "requires a mandate" in message
                            or "detached from a customer" in message
                            or "does not belong to the customer" in message
                        ):
                            log.info(
                                "Invalid or expired payment method",
                                order_id=order.id,
                                error_code=e.code,
                                error_message=e.user_message,
                            )

                            # Delete the payment method as it's no longer valid
                            await payment_method_service.delete(
                                session, payment_method, force=True
                            )

                            # Mark the payment as failed to trigger dunning
                            await self.handle_payment_failure(session, order)

                            if payment_mode == PaymentMode.sync:
                                await self._mark_intent_as_failed_sync(e)
                            raise PaymentFailed(PaymentFailedReason.card_error) from e

                    raise

                # Off-session SCA / 3DS challenges return a non-raising intent
                # in one of the `requires_*` statuses. Only sync callers
                # (draft-order finalize) surface a typed error so the merchant
                # can re-authenticate the customer; background callers (checkout
                # / dunning) must keep waiting for the webhook to drive dunning,
                # exactly as before this path existed — raising here would break
                # those flows.
                if payment_mode == PaymentMode.sync and payment_intent.status in (
                    "requires_action",
                    "requires_confirmation",
                    "requires_payment_method",
                    "requires_source_action",
                ):
                    log.info(
                        "Off-session payment requires customer action",
                        order_id=order.id,
                        payment_intent_id=payment_intent.id,
                        payment_intent_status=payment_intent.status,
                    )
                    raise PaymentActionRequired(order, payment_intent.id)

                return payment_intent

        return None

    async def _mark_intent_as_failed_sync(self, error: stripe_lib.StripeError) -> None:
        payment_intent = getattr(error.error, "payment_intent", None)
        if payment_intent is not None:
            intent_metadata = payment_intent.metadata or {}
            intent_metadata["polar_failed_sync_payment"] = "true"
            await stripe_service.modify_payment_intent(
                payment_intent.id, metadata=intent_metadata
            )

    async def process_retry_payment(
        self,
        session: AsyncSession,
        order: Order,
        confirmation_token_id: str | None,
        payment_processor: PaymentProcessor,
        payment_method_id: uuid.UUID | None = None,
    ) -> CustomerOrderPaymentConfirmation:
        """
        Process retry payment with direct confirmation (confirm=True).
        Follows checkout flow pattern - creates PaymentIntent and lets webhooks handle everything else.
        """

        if order.status != OrderStatus.pending:
            log.warning("Order is not pending", order_id=order.id, status=order.status)
            raise OrderNotEligibleForRetry(order)

        if order.next_payment_attempt_at is None:
            log.warning("Order is not eligible for retry", order_id=order.id)
            raise OrderNotEligibleForRetry(order)

        if order.subscription is None:
            log.warning("Order is not a subscription", order_id=order.id)
            raise OrderNotEligibleForRetry(order)

        if order.payment_lock_acquired_at is not None:
            log.warning(
                "Payment already in progress",
                order_id=order.id,
                lock_acquired_at=order.payment_lock_acquired_at,
            )
            raise PaymentAlreadyInProgress(order)

        if payment_processor != PaymentProcessor.stripe:
            log.warning(
                "Invalid payment processor", payment_processor=payment_processor
            )
            raise OrderNotEligibleForRetry(payment_processor)

        if confirmation_token_id is None and payment_method_id is None:
            raise PaymentRetryValidationError(
                "Either confirmation_token_id or payment_method_id must be provided"
            )
        if confirmation_token_id is not None and payment_method_id is not None:
            raise PaymentRetryValidationError(
                "Only one of confirmation_token_id or payment_method_id can be provided"
            )

        payment_repository = PaymentRepository.from_session(session)
        customer_retry_count = (
            await payment_repository.count_customer_retry_payments_for_order(order.id)
        )
        if customer_retry_count >= settings.CUSTOMER_RETRY_MAX_ATTEMPTS:
            raise ManualRetryLimitExceeded(order)

        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id(order.customer_id)
        assert customer is not None, "Customer must exist"

        org_repository = OrganizationRepository.from_session(session)
        organization = await org_repository.get_by_id(customer.organization_id)
        assert organization is not None, "Organization must exist"

        if customer.stripe_customer_id is None:
            log.warning("Customer is not a Stripe customer", customer_id=customer.id)
            raise OrderNotEligibleForRetry(order)

        saved_payment_method: PaymentMethod | None = None
        if payment_method_id is not None:
            payment_method_repository = PaymentMethodRepository.from_session(session)
            saved_payment_method = await payment_method_repository.get_by_id(
                payment_method_id
            )
            if (
                saved_payment_method is None
                or saved_payment_method.customer_id != customer.id
            ):
                raise PaymentRetryValidationError(
                    "Payment method does not belong to customer"
                )

        metadata: dict[str, Any] = {
            "organization_id": str(order.organization_id),
            "order_id": str(order.id),
            STRIPE_METADATA_PAYMENT_TRIGGER: PaymentTrigger.retry_customer,
        }
        if order.tax_breakdown:
            metadata["tax_amount"] = str(order.tax_amount)
            metadata["tax_country"] = order.tax_breakdown[0]["country"]
            metadata["tax_state"] = order.tax_breakdown[0]["state"]

        try:
            async with self.acquire_payment_lock(session, order):
                if saved_payment_method is not None:
                    # Using saved payment method
                    payment_intent = await stripe_service.create_payment_intent(
                        amount=order.due_amount,
                        currency=order.currency,
                        payment_method=saved_payment_method.processor_id,
                        customer=customer.stripe_customer_id,
                        confirm=True,
                        automatic_payment_methods={
                            "enabled": True,
                            "allow_redirects": "never",
                        },
                        statement_descriptor_suffix=order.statement_descriptor_suffix,
                        description=f"{order.organization.name} — {order.description}",
                        metadata=metadata,
                    )
                else:
                    # Using confirmation token (new payment method)
                    assert confirmation_token_id is not None
                    payment_intent = await stripe_service.create_payment_intent(
                        amount=order.due_amount,
                        currency=order.currency,
                        automatic_payment_methods={
                            "enabled": True,
                            "allow_redirects": "never",
                        },
                        confirm=True,
                        confirmation_token=confirmation_token_id,
                        customer=customer.stripe_customer_id,
                        setup_future_usage="off_session",
                        statement_descriptor_suffix=order.statement_descriptor_suffix,
                        description=f"{order.organization.name} — {order.description}",
                        metadata=metadata,
                    )

                if payment_intent.status == "succeeded":
                    log.info(
                        "Retry payment succeeded immediately",
                        order_id=order.id,
                        payment_intent_id=payment_intent.id,
                    )

                    return CustomerOrderPaymentConfirmation(
                        status="succeeded",
                        client_secret=None,
                        error=None,
                    )

                elif payment_intent.status == "requires_action":
                    log.info(
                        "Retry payment requires additional action",
                        order_id=order.id,
                        payment_intent_id=payment_intent.id,
                        status=payment_intent.status,
                    )

                    return CustomerOrderPaymentConfirmation(
                        status="requires_action",
                        client_secret=payment_intent.client_secret,
                        error=None,
                    )

                else:
                    error_message = "Payment failed"
                    if (
                        payment_intent.last_payment_error
                        and payment_intent.last_payment_error.message
                    ):
                        error_message = payment_intent.last_payment_error.message

                    log.warning(
                        "Retry payment failed",
                        order_id=order.id,
                        payment_intent_id=payment_intent.id,
                        status=payment_intent.status,
                        error=error_message,
                    )

                    return CustomerOrderPaymentConfirmation(
                        status="failed",
                        client_secret=None,
                        error=error_message,
                    )

        except stripe_lib.StripeError as stripe_exc:
            log.warning(
                "Stripe error during retry payment",
                order_id=order.id,
                stripe_error_code=stripe_exc.code,
                stripe_error_message=str(stripe_exc),
            )

            error_message = (
                stripe_exc.error.message
                if stripe_exc.error and stripe_exc.error.message
                else "Payment failed. Please try again."
            )

            return CustomerOrderPaymentConfirmation(
                status="failed",
                client_secret=None,
                error=error_message,
            )

        except Exception as exc:
            log.exception(
                "Exception during retry payment",
                order_id=order.id,
                error=str(exc),
            )

            return CustomerOrderPaymentConfirmation(
                status="failed",
                client_secret=None,
                error="Payment failed. Please try again.",
            )

    async def handle_payment(
        self, session: AsyncSession, order: Order, payment: Payment | None
    ) -> Order:
        # Idempotency: a charge.succeeded webhook can arrive after the
        # finalize-order endpoint already applied the success path inline.
        # In that case, the order is already paid and there's nothing to do.
        if order.stripe_invoice_id is None and order.status == OrderStatus.paid:
            return order

        # Stripe invoices may already have been marked as paid, so ignore the check
        if order.stripe_invoice_id is None and order.status != OrderStatus.pending:
            raise OrderNotPending(order)

        previous_status = order.status
        update_dict: dict[str, Any] = {}

        if order.status == OrderStatus.pending:
            update_dict["status"] = OrderStatus.paid

        # Clear retry attempt date on successful payment
        if order.next_payment_attempt_at is not None:
            update_dict["next_payment_attempt_at"] = None

        # Clear payment lock on successful payment
        if order.payment_lock_acquired_at is not None:
            log.info(
                "Clearing payment lock on order due to successful payment",
                order_id=order.id,
            )
            update_dict["payment_lock_acquired_at"] = None

        # Balance the order in the ledger
        if payment is not None:
            enqueue_job(
                "order.balance", order_id=order.id, charge_id=payment.processor_id
            )

        if (
            order.tax_calculation_processor_id is not None
            and order.tax_transaction_processor_id is None
        ):
            update_dict = {**update_dict, **await self._record_tax_transaction(order)}

        repository = OrderRepository.from_session(session)
        order = await repository.update(order, update_dict=update_dict, flush=True)

        # If this was a subscription retry success, reactivate the subscription
        if previous_status == OrderStatus.pending and order.subscription is not None:
            subscription_repository = SubscriptionRepository.from_session(session)
            locked_subscription = await subscription_repository.get_by_id(
                order.subscription.id, for_update=True
            )
            assert locked_subscription is not None
            # Make sure there are no other dunning orders for this subscription, otherwise we might reactivate it too early
            if (
                locked_subscription.status == SubscriptionStatus.past_due
                and await repository.count_dunning_by_subscription(
                    locked_subscription.id
                )
                == 0
            ):
                order.subscription = await subscription_service.mark_active(
                    session, locked_subscription
                )

        if update_dict:
            await self._on_order_updated(session, order, previous_status)

        return order

    async def _record_tax_transaction(self, order: Order) -> dict[str, Any]:
        """Book the order's tax with the recording processor.

        Returns the order fields to update.
        """
        assert order.tax_calculation_processor_id is not None
        assert order.tax_processor is not None
        assert order.billing_address is not None
        assert order.product is not None

        try:
            transaction_id, tax_processor = await tax_calculation_service.record(
                order.tax_processor,
                order.tax_calculation_processor_id,
                amount=order.net_amount,
                tax_amount=order.tax_amount,
                currency=order.currency,
                address=order.billing_address,
                tax_code=order.product.tax_code,
                reference=str(order.id),
                transaction_date=order.created_at,
            )
        except CalculationExpiredError:
            # Happens if the order was created a long time ago and the tax
            # calculation expired before the payment was completed.
            return await self._record_expired_tax_calculation(order)

        return {
            "tax_processor": tax_processor,
            "tax_transaction_processor_id": transaction_id,
        }

    async def _record_expired_tax_calculation(self, order: Order) -> dict[str, Any]:
        """Book the tax of an order whose calculation expired before payment.

        Returns the order fields to update.
        """
        assert order.tax_behavior is not None
        assert order.billing_address is not None
        assert order.product is not None

        (
            tax_processor,
            tax_behavior,
            tax_calculation_processor_id,
            tax_amount,
            tax_breakdown,
        ) = await calculate_tax(
            reference=str(order.id),
            taxable_amount=order.net_amount,
            currency=order.currency,
            customer=order.customer,
            product=order.product,
            tax_behavior_option=order.tax_behavior.to_option(),
            tax_exempted=order.subscription.tax_exempted
            if order.subscription
            else False,
        )

        # The customer paid the tax we quoted them, so that's what we record and
        # remit. A fresh calculation that disagrees can't be recorded: book the
        # charged amounts as a manual transaction instead.
        if tax_amount != order.tax_amount:
            log.warning(
                "Tax recalculation differs from the charged tax, "
                "recording the charged amount",
                order_id=order.id,
                charged_tax_amount=order.tax_amount,
                recalculated_tax_amount=tax_amount,
                recalculated_calculation_id=tax_calculation_processor_id,
            )
            (
                transaction_id,
                tax_processor,
            ) = await tax_calculation_service.record_amounts(
                amount=order.net_amount,
                tax_amount=order.tax_amount,
                currency=order.currency,
                address=order.billing_address,
                tax_code=order.product.tax_code,
                reference=str(order.id),
                transaction_date=order.created_at,
            )
            return {
                "tax_processor": tax_processor,
                "tax_transaction_processor_id": transaction_id,
            }

        update_dict: dict[str, Any] = {
            "tax_calculation_processor_id": tax_calculation_processor_id,
            "tax_behavior": tax_behavior,
            "tax_breakdown": tax_breakdown or None,
        }

        if tax_processor and tax_calculation_processor_id:
            transaction_id, tax_processor = await tax_calculation_service.record(
                tax_processor,
                tax_calculation_processor_id,
                amount=order.net_amount,
                tax_amount=tax_amount,
                currency=order.currency,
                address=order.billing_address,
                tax_code=order.product.tax_code,
                reference=str(order.id),
                transaction_date=order.created_at,
            )
            update_dict = {
                **update_dict,
                "tax_processor": tax_processor,
                "tax_transaction_processor_id": transaction_id,
            }

        return update_dict

    async def send_admin_notification(
        self, session: AsyncSession, organization: Organization, order: Order
    ) -> None:
        product = order.product

        if product is None:
            return

        product_image_url: str | None = None
        try:
            if product.product_medias and len(product.product_medias) > 0:
                first_media = product.product_medias[0].file
                product_image_url = S3_SERVICES[first_media.service].get_public_url(
                    first_media.path
                )
        except Exception:
            log.exception(
                "Failed to get product image for admin notification",
                order_id=order.id,
            )

        billing_address = order.billing_address
        customer = order.customer

        await notifications_service.send_to_org_members(
            session,
            org_id=organization.id,
            notif=PartialNotification(
                type=NotificationType.maintainer_new_product_sale,
                payload=MaintainerNewProductSaleNotificationPayload(
                    customer_email=customer.email,
                    customer_name=customer.display_name,
                    billing_address_country=billing_address.country
                    if billing_address
                    else None,
                    billing_address_city=billing_address.city
                    if billing_address
                    else None,
                    billing_address_line1=billing_address.line1
                    if billing_address
                    else None,
                    product_name=product.name,
                    product_price_amount=order.net_amount,
                    product_image_url=product_image_url,
                    order_id=str(order.id),
                    order_date=order.created_at.isoformat(),
                    organization_name=organization.name,
                    organization_slug=organization.slug,
                    billing_reason=order.billing_reason,
                    currency=order.currency,
                ),
            ),
        )

    async def send_subscription_renewal_notification(
        self, session: AsyncSession, order: Order
    ) -> None:
        product = order.product
        subscription = order.subscription

        if product is None or subscription is None:
            return

        organization = order.organization
        customer = order.customer

        await notifications_service.send_to_org_members(
            session,
            org_id=organization.id,
            notif=PartialNotification(
                type=NotificationType.maintainer_subscription_renewal,
                payload=MaintainerSubscriptionRenewalNotificationPayload(
                    customer_email=customer.email,
                    customer_name=customer.display_name,
                    product_name=product.name,
                    product_price_amount=order.net_amount,
                    organization_slug=organization.slug,
                    subscription_id=str(subscription.id),
                    recurring_interval=subscription.recurring_interval,
                    recurring_interval_count=subscription.recurring_interval_count,
                    currency=order.currency,
                ),
            ),
        )

    async def send_confirmation_email(
        self, session: AsyncSession, order: Order
    ) -> None:
        organization_repository = OrganizationRepository.from_session(session)
        organization = await organization_repository.get_by_customer(order.customer_id)

        template_name: Literal[
            "order_confirmation",
            "subscription_confirmation",
            "subscription_cycled",
            "subscription_cycled_after_trial",
            "subscription_final_invoice",
            "subscription_updated",
        ]
        subject_template: str
        url_path_template: str

        match order.billing_reason:
            case OrderBillingReasonInternal.purchase:
                template_name = "order_confirmation"
                subject_template = "Your {description} order confirmation"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{order}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_create:
                template_name = "subscription_confirmation"
                subject_template = "Your {description} subscription"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_cycle:
                template_name = "subscription_cycled"
                subject_template = "Your {description} subscription has been renewed"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_cycle_after_trial:
                template_name = "subscription_cycled_after_trial"
                subject_template = "Your {description} subscription is now active"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_cancel:
                template_name = "subscription_final_invoice"
                subject_template = "Your {description} final invoice"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_update:
                template_name = "subscription_updated"
                subject_template = "Your subscription has changed to {description}"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }
            case OrderBillingReasonInternal.subscription_meter_cycle:
                template_name = "subscription_cycled"
                subject_template = "Your {description} usage invoice"
                url_path_template = "/{organization}/portal"
                url_params = {
                    "customer_session_token": "{token}",
                    "id": "{subscription}",
                    "email": "{email}",
                }

        # Final invoice uses the same email setting as subscription_cycled
        email_setting_name = (
            "subscription_cycled"
            if template_name == "subscription_final_invoice"
            else template_name
        )
        if not organization.customer_email_settings[email_setting_name]:
            return

        # Skip subscription cycle emails for completely free subscriptions
        if order.billing_reason in (
            OrderBillingReasonInternal.subscription_cycle,
            OrderBillingReasonInternal.subscription_cycle_after_trial,
            OrderBillingReasonInternal.subscription_cancel,
        ):
            subscription = order.subscription
            if subscription is not None:
                is_free_product_price = all(
                    spp.product_price.is_free
                    for spp in subscription.subscription_product_prices
                )
                if is_free_product_price:
                    return

        product = order.product
        customer = order.customer
        subscription = order.subscription

        recipients = await customer_service.get_email_recipients(session, customer)
        if not recipients:
            return

        subject = subject_template.format(description=order.description)

        # Generate invoice to attach to the email
        invoice_path: str | None = None
        if order.billing_name is not None and order.billing_address is not None:
            order = await self.generate_invoice(session, order)
            invoice_path = order.invoice_path
        else:
            log.warning(
                "Cannot generate invoice, missing billing info", order_id=order.id
            )

        attachments: list[Attachment] = []
        if invoice_path is not None:
            invoice = await self.get_order_invoice(order)
            attachments = [
                {"remote_url": invoice.url, "filename": order.invoice_filename}
            ]

        for recipient_email in recipients:
            token = await customer_service.create_session_token_for_recipient(
                session, customer, recipient_email
            )
            if token is None:
                continue

            # Build query parameters with per-recipient email
            params = {
                key: value.format(
                    token=token,
                    order=order.id,
                    subscription=subscription.id if subscription else "",
                    email=recipient_email,
                )
                for key, value in url_params.items()
            }
            override_url = settings.CUSTOMER_PORTAL_URL_OVERRIDES.get(
                str(organization.id)
            )
            if override_url is not None:
                url = f"{override_url}?{urlencode({'email': recipient_email})}"
            else:
                query_string = urlencode(params)
                url_path = url_path_template.format(organization=organization.slug)
                url = settings.generate_frontend_url(f"{url_path}?{query_string}")
            email = EmailAdapter.validate_python(
                {
                    "template": template_name,
                    "props": {
                        "email": recipient_email,
                        "organization": organization,
                        "product": product,
                        "order": order,
                        "subscription": subscription,
                        "url": url,
                    },
                }
            )

            enqueue_email_template(
                email,
                **organization.email_from_reply,
                to_email_addr=recipient_email,
                subject=subject,
                attachments=attachments,
            )

    async def update_product_benefits_grants(
        self, session: AsyncSession, product: Product
    ) -> None:
        # Skip seat-based orders - benefits are granted when seats are claimed
        base_statement = (
            select(Order)
            .join(Order.customer)
            .where(
                Order.product_id == product.id,
                ~Order.is_deleted,
                Order.subscription_id.is_(None),
                Order.seats.is_(None),
                ~Customer.is_deleted,
            )
            .options(joinedload(Order.customer))
        )

        count_result = await session.execute(
            base_statement.with_only_columns(func.count())
        )
        total_count = count_result.scalar_one()
        calculate_delay = make_bulk_job_delay_calculator(total_count)

        orders = await session.stream_scalars(
            base_statement,
            execution_options={"yield_per": settings.DATABASE_STREAM_YIELD_PER},
        )
        index = 0
        async for order in orders:
            enqueue_job(
                "benefit.enqueue_benefits_grants",
                task="grant",
                customer_id=order.customer_id,
                product_id=product.id,
                order_id=order.id,
                delay=calculate_delay(index),
            )
            index += 1

    async def update_refunds(
        self,
        session: AsyncSession,
        order: Order,
        *,
        refunded_amount: int,
        refunded_tax_amount: int,
    ) -> Order:
        repository = OrderRepository.from_session(session)
        order.update_refunds(refunded_amount, refunded_tax_amount)
        order = await repository.update(order)
        await self.send_webhook(session, order, WebhookEventType.order_updated)
        return order

    async def create_order_balance(
        self, session: AsyncSession, order: Order, charge_id: str
    ) -> None:
        organization = order.organization
        account_repository = AccountRepository.from_session(session)
        account = await account_repository.get_by_organization(organization.id)
        assert account is not None, (
            "Organization must have an account to create balance"
        )

        # Retrieve the payment transaction and link it to the order
        payment_transaction = await balance_transaction_service.get_by(
            session, type=TransactionType.payment, charge_id=charge_id
        )
        if payment_transaction is None:
            raise PaymentTransactionForChargeDoesNotExist(charge_id)

        # Make sure to take the amount from the payment transaction and not the order
        # Orders invoices may apply customer balances which won't reflect the actual payment amount
        transfer_amount = payment_transaction.amount

        payment_transaction.order = order
        payment_transaction.payment_customer = order.customer
        session.add(payment_transaction)

        # Sanity check: make sure we didn't already create a balance for this order
        existing_balance_transaction = await balance_transaction_service.get_by(
            session,
            type=TransactionType.balance,
            payment_transaction_id=payment_transaction.id,
            account_id=account.id,
        )
        if existing_balance_transaction is not None:
            raise AlreadyBalancedOrder(order, payment_transaction)

        # Account created, create the balance immediately
        balance_transactions = (
            await balance_transaction_service.create_balance_from_charge(
                session,
                source_account=None,
                destination_account=account,
                charge_id=charge_id,
                amount=transfer_amount,
                order=order,
            )
        )
        platform_fee_transactions = (
            await platform_fee_transaction_service.create_fees_reversal_balances(
                session, balance_transactions=balance_transactions
            )
        )
        order.platform_fee_amount = sum(
            incoming.amount for _, incoming in platform_fee_transactions
        )
        # Settlement currency in which we compute the balances
        order.platform_fee_currency = account.currency
        session.add(order)
        await self._on_order_updated(session, order=order, previous_status=order.status)

        await self._create_balance_order_event(
            session,
            payment_transaction=payment_transaction,
            order=order,
            organization=organization,
            fee=order.platform_fee_amount,
        )

    async def _create_balance_order_event(
        self,
        session: AsyncSession,
        *,
        payment_transaction: Transaction,
        order: Order,
        organization: Organization,
        fee: int,
    ) -> None:
        try:
            assert payment_transaction.presentment_amount is not None
            assert payment_transaction.presentment_currency is not None

            metadata: BalanceOrderMetadata = {
                "transaction_id": str(payment_transaction.id),
                "order_id": str(order.id),
                "amount": payment_transaction.amount,
                "net_amount": order.net_amount,
                "currency": payment_transaction.currency,
                "presentment_amount": payment_transaction.presentment_amount,
                "presentment_currency": payment_transaction.presentment_currency,
                "tax_amount": order.tax_amount,
                "fee": fee,
            }
            if order.tax_breakdown:
                if order.tax_breakdown[0]["country"] is not None:
                    metadata["tax_country"] = order.tax_breakdown[0]["country"]
                if order.tax_breakdown[0]["state"] is not None:
                    metadata["tax_state"] = order.tax_breakdown[0]["state"]
            if order.subscription_id is not None:
                metadata["subscription_id"] = str(order.subscription_id)
            if order.product_id is not None:
                metadata["product_id"] = str(order.product_id)
            if payment_transaction.exchange_rate is not None:
                metadata["exchange_rate"] = payment_transaction.exchange_rate

            balance_order_event = build_system_event(
                SystemEvent.balance_order,
                customer=order.customer,
                organization=organization,
                metadata=metadata,
            )
            balance_order_event.timestamp = order.created_at
            await event_service.create_event(session, balance_order_event)
        except Exception as e:
            log.error("Could not save balance.order event", error=str(e))
            raise

    async def send_webhook(
        self,
        session: AsyncSession,
        order: Order,
        event_type: Literal[
            WebhookEventType.order_created,
            WebhookEventType.order_updated,
            WebhookEventType.order_paid,
        ],
    ) -> None:
        await session.refresh(order.customer, {"organization"})
        if order.product is not None:
            await session.refresh(order.product, {"prices"})

        # Refresh order items with their product_price.product relationship loaded
        # This is needed for webhook serialization which accesses `legacy_product_price.product`
        for item in order.items:
            if item.product_price:
                await session.refresh(item.product_price, {"product"})

        organization = order.organization
        await webhook_service.send(session, organization, event_type, order)

    async def void(self, session: AsyncSession, order: Order) -> Order:
        """Mark an order as void, indicating payment cannot be recovered."""
        if order.payment_lock_acquired_at is not None:
            raise PaymentAlreadyInProgress(order)
        if order.status != OrderStatus.pending:
            raise OrderNotPending(order)

        previous_status = order.status

        repository = OrderRepository.from_session(session)
        order = await repository.update(
            order,
            update_dict={"status": OrderStatus.void, "next_payment_attempt_at": None},
        )

        # Reduce positive customer balance
        customer_balance = await wallet_service.get_billing_wallet_balance(
            session, order.customer, order.currency, for_update=True
        )
        if customer_balance > 0:
            reduction_amount = min(customer_balance, order.due_amount)
            await wallet_service.create_balance_transaction(
                session,
                order.customer,
                -reduction_amount,
                order.currency,
                order=order,
            )

        # Give back the balance the order consumed: it'll never be collected.
        # Applied after the reduction above, which is computed on the balance as it
        # stands while the order is still due.
        if order.applied_balance_amount < 0:
            await wallet_service.create_balance_transaction(
                session,
                order.customer,
                -order.applied_balance_amount,
                order.currency,
                order=order,
            )

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.order_voided,
                customer=order.customer,
                organization=order.organization,
                metadata={
                    "order_id": str(order.id),
                    "amount": order.total_amount,
                    "currency": order.currency,
                },
            ),
        )
        await self._on_order_updated(session, order, previous_status=previous_status)

        return order

    async def unvoid(self, session: AsyncSession, order: Order) -> Order:
        """Return a void order to pending without scheduling a payment retry."""
        if order.status != OrderStatus.void:
            raise OrderNotVoid(order)

        previous_status = order.status

        repository = OrderRepository.from_session(session)
        order = await repository.update(
            order,
            update_dict={
                "status": OrderStatus.pending,
                "next_payment_attempt_at": None,
            },
        )

        # Consume again the balance restored on void: the order is due once more,
        # and `applied_balance_amount` still counts it against `due_amount`.
        if order.applied_balance_amount < 0:
            await wallet_service.create_balance_transaction(
                session,
                order.customer,
                order.applied_balance_amount,
                order.currency,
                order=order,
            )

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.order_unvoided,
                customer=order.customer,
                organization=order.organization,
                metadata={
                    "order_id": str(order.id),
                    "amount": order.total_amount,
                    "currency": order.currency,
                },
            ),
        )
        await self._on_order_updated(session, order, previous_status=previous_status)

        return order

    async def void_pending_orders_for_subscription(
        self, session: AsyncSession, subscription: Subscription
    ) -> Sequence[Order]:
        """Void all pending orders for a specific subscription."""
        repository = OrderRepository.from_session(session)
        pending_orders = await repository.get_pending_orders_for_subscription(
            subscription.id, options=repository.get_eager_options()
        )

        voided_orders: list[Order] = []
        for order in pending_orders:
            voided_order = await self.void(session, order)
            voided_orders.append(voided_order)

        return voided_orders

    async def _on_order_created(self, session: AsyncSession, order: Order) -> None:
        enqueue_job("order.created", order.id)
        await self.send_webhook(session, order, WebhookEventType.order_created)

        if order.paid:
            await self._on_order_updated(
                session,
                order,
                OrderStatus.pending,  # Pretend the previous status was pending to trigger the paid event
            )

        # Notify checkout channel that an order has been created from it
        if order.checkout:
            await publish_checkout_event(
                order.checkout.client_secret, CheckoutEvent.order_created
            )

    async def _on_order_updated(
        self, session: AsyncSession, order: Order, previous_status: OrderStatus
    ) -> None:
        await self.send_webhook(session, order, WebhookEventType.order_updated)

        became_paid = (
            order.status == OrderStatus.paid and previous_status != OrderStatus.paid
        )
        if became_paid:
            await self._on_order_paid(session, order)

    async def _on_order_paid(self, session: AsyncSession, order: Order) -> None:
        assert order.paid

        enqueue_job("order.confirmation_email", order.id)

        await receipt_service.allocate(session, order)

        await self.send_webhook(session, order, WebhookEventType.order_paid)

        metadata = OrderPaidMetadata(
            order_id=str(order.id),
            product_id=str(order.product_id),
            billing_type=order.product.billing_type.value
            if order.product
            else "one_time",
            amount=order.total_amount,
            currency=order.currency,
            net_amount=order.net_amount,
            tax_amount=order.tax_amount,
            applied_balance_amount=order.applied_balance_amount,
            discount_amount=order.discount_amount,
            platform_fee=order.platform_fee_amount,
        )
        if order.discount_id is not None:
            metadata["discount_id"] = str(order.discount_id)
        if order.subscription_id is not None:
            metadata["subscription_id"] = str(order.subscription_id)
            subscription = order.subscription
            if subscription is not None:
                metadata["recurring_interval"] = subscription.recurring_interval.value
                metadata["recurring_interval_count"] = (
                    subscription.recurring_interval_count
                )

        await event_service.create_event(
            session,
            build_system_event(
                SystemEvent.order_paid,
                customer=order.customer,
                organization=order.organization,
                metadata=metadata,
            ),
        )

        if order.subscription_id is not None and order.billing_reason in (
            OrderBillingReasonInternal.subscription_cycle,
            OrderBillingReasonInternal.subscription_cycle_after_trial,
        ):
            enqueue_job(
                "benefit.enqueue_benefit_grant_cycles",
                subscription_id=order.subscription_id,
            )
            enqueue_job("order.subscription_renewal_notification", order.id)

    async def _emit_balance_credit_order_event(
        self,
        session: AsyncSession,
        order: Order,
        organization: Organization,
    ) -> None:
        try:
            credit_metadata: BalanceCreditOrderMetadata = {
                "order_id": str(order.id),
                "amount": order.net_amount,
                "currency": order.currency,
                "tax_amount": order.tax_amount,
                "fee": order.platform_fee_amount,
            }
            if order.tax_breakdown:
                if order.tax_breakdown[0]["country"] is not None:
                    credit_metadata["tax_country"] = order.tax_breakdown[0]["country"]
                if order.tax_breakdown[0]["state"] is not None:
                    credit_metadata["tax_state"] = order.tax_breakdown[0]["state"]
            if order.subscription_id is not None:
                credit_metadata["subscription_id"] = str(order.subscription_id)
            if order.product_id is not None:
                credit_metadata["product_id"] = str(order.product_id)

            if order.net_amount != 0:
                event_repository = EventRepository.from_session(session)
                exchange_rate = (
                    await event_repository.get_recent_balance_order_exchange_rate(
                        organization.id,
                        order.currency,
                        before=order.created_at,
                    )
                )
                if exchange_rate is not None:
                    credit_metadata["exchange_rate"] = exchange_rate

            credit_event = build_system_event(
                SystemEvent.balance_credit_order,
                customer=order.customer,
                organization=organization,
                metadata=credit_metadata,
            )
            credit_event.timestamp = order.created_at
            await event_service.create_event(session, credit_event)
        except Exception as e:
            log.error("Could not save balance.credit_order event", error=str(e))
            raise

    async def handle_payment_failure(
        self, session: AsyncSession, order: Order, *, skip_dunning: bool = False
    ) -> Order:
        """Handle payment failure for an order, initiating dunning if necessary.

        Args:
            session: Database session
            order: The order that failed payment
            skip_dunning: If True, skip dunning progression (e.g., for manual retries
                where the user can try again without advancing the dunning state machine)
        """
        # Clear payment lock on failure
        if order.payment_lock_acquired_at is not None:
            log.info(
                "Clearing payment lock on order due to payment failure",
                order_id=order.id,
            )
            repository = OrderRepository.from_session(session)
            order = await repository.release_payment_lock(order)

        # Don't process payment failure if the order is already paid
        if order.status == OrderStatus.paid:
            log.warning(
                "Ignoring payment failure for already paid order",
                order_id=order.id,
            )
            return order

        # Skip dunning for manual retries - user can retry again
        if skip_dunning:
            log.info(
                "Skipping dunning progression for manual retry failure",
                order_id=order.id,
            )
            return order

        # A failed meter-cycle charge must not escalate the subscription (past_due
        # or revoke) — a small overage can't cancel a prepaid plan; dun it retry-only.
        if order.billing_reason == OrderBillingReasonInternal.subscription_meter_cycle:
            return await self._handle_meter_cycle_dunning_attempt(session, order)

        if order.subscription is None:
            return order

        if order.next_payment_attempt_at is None:
            return await self._handle_first_dunning_attempt(session, order)

        return await self._handle_consecutive_dunning_attempts(session, order)

    async def _handle_first_dunning_attempt(
        self, session: AsyncSession, order: Order
    ) -> Order:
        """Handle the first dunning attempt for an order, setting the next payment
        attempt date and marking the subscription as past due.
        """
        # Don't schedule retries for void orders
        if order.is_void:
            log.info(
                "Ignoring first dunning attempt for void order",
                order_id=order.id,
            )
            repository = OrderRepository.from_session(session)
            return await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

        assert order.subscription is not None
        subscription = order.subscription

        # Subscription already terminated — don't progress dunning or
        # overwrite its terminal status.
        if subscription.ended_at is not None:
            log.info(
                "Ignoring first dunning attempt for ended subscription",
                order_id=order.id,
                subscription_id=subscription.id,
            )
            repository = OrderRepository.from_session(session)
            return await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

        # Mark subscription as past_due first so past_due_deadline is available
        await subscription_service.mark_past_due(session, subscription)

        payment_repository = PaymentRepository.from_session(session)
        latest_payment = await payment_repository.get_latest_for_order(order.id)

        if latest_payment is not None and latest_payment.is_non_recoverable:
            log.info(
                "Non-recoverable decline code detected, "
                "scheduling retry at past_due_deadline",
                order_id=order.id,
                decline_reason=latest_payment.decline_reason,
            )
            # Immediately schedule retry at past_due_deadline for non-recoverable decline codes.
            # The next dunning attempt will then move this subscription from
            # past_due to revoked in the same vein as if all payment attempts failed.
            # This ensures the same behavior as dunning retries, we just don't retry
            # for payment methods that will just fail again.
            next_retry_date = subscription.past_due_deadline
        else:
            next_retry_date = utc_now() + settings.DUNNING_RETRY_INTERVALS[0]

        repository = OrderRepository.from_session(session)
        order = await repository.update(
            order, update_dict={"next_payment_attempt_at": next_retry_date}
        )

        # Re-enqueue benefit revocation to check if grace period has expired
        # We might end up here in the event that a user goes via the subscription product
        # update flow, so we need to ensure that they don't get benefits they shouldn't have.
        await subscription_service.enqueue_benefits_grants(session, subscription)

        return order

    async def _handle_consecutive_dunning_attempts(
        self, session: AsyncSession, order: Order
    ) -> Order:
        """Handle consecutive dunning attempts for an order."""
        repository = OrderRepository.from_session(session)

        payment_repository = PaymentRepository.from_session(session)
        failed_attempts = await payment_repository.count_failed_payments_for_order(
            order.id
        )

        now = utc_now()
        subscription = order.subscription

        # failed_attempts includes the current failure (upserted by the Stripe
        # webhook handler before we get here) and the initial cycle failure
        # which _handle_first_dunning_attempt already paired with intervals[0].
        if (
            failed_attempts > len(settings.DUNNING_RETRY_INTERVALS)
            or (
                subscription is not None
                and subscription.past_due_deadline
                and subscription.past_due_deadline < now
            )
            or order.is_void
        ):
            # No more retries, mark subscription as unpaid and clear retry date
            order = await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

            if subscription is not None and subscription.can_cancel(immediately=True):
                async with SubscriptionUpdateContext(
                    session, subscription, subscription_service
                ) as ctx:
                    await subscription_service.revoke(session, ctx, subscription)

            return order

        # Schedule next retry using the appropriate interval
        next_interval = settings.DUNNING_RETRY_INTERVALS[failed_attempts - 1]
        next_retry_date = now + next_interval

        order = await repository.update(
            order, update_dict={"next_payment_attempt_at": next_retry_date}
        )

        # Re-enqueue benefit revocation to check if grace period has expired
        subscription = order.subscription
        if subscription is not None:
            await subscription_service.enqueue_benefits_grants(session, subscription)

        return order

    async def _handle_meter_cycle_dunning_attempt(
        self, session: AsyncSession, order: Order
    ) -> Order:
        """Reschedule payment on the dunning intervals without touching the
        subscription; void once retries are exhausted."""
        repository = OrderRepository.from_session(session)

        if order.is_void:
            return await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

        payment_repository = PaymentRepository.from_session(session)
        failed_attempts = await payment_repository.count_failed_payments_for_order(
            order.id
        )

        # failed_attempts includes this failure, so > len(intervals) means retries
        # are exhausted. Void via the canonical path to notify the merchant
        # (order_voided event + order.updated webhook).
        if failed_attempts > len(settings.DUNNING_RETRY_INTERVALS):
            return await self.void(session, order)

        next_interval = settings.DUNNING_RETRY_INTERVALS[max(failed_attempts - 1, 0)]
        return await repository.update(
            order,
            update_dict={"next_payment_attempt_at": utc_now() + next_interval},
        )

    async def schedule_retry_for_past_due_orders(
        self,
        session: AsyncSession,
        customer: Customer,
        payment_method: PaymentMethod,
    ) -> None:
        """Schedule immediate dunning retry for past_due subscriptions when a
        customer saves a new default payment method.

        This handles the case where automatic retries were stopped (e.g., due to
        a non-recoverable decline code) but the customer later adds a new card.
        """
        repository = OrderRepository.from_session(session)
        orders = await repository.get_pending_orders_for_past_due_subscriptions(
            customer.id
        )

        for order in orders:
            assert order.subscription is not None

            log.info(
                "Scheduling dunning retry after payment method update",
                order_id=order.id,
                subscription_id=order.subscription.id,
                payment_method_id=payment_method.id,
            )

            order.subscription.payment_method_id = payment_method.id
            await session.flush()

            enqueue_job(
                "order.trigger_payment",
                order_id=order.id,
                payment_method_id=payment_method.id,
                payment_trigger=PaymentTrigger.retry_payment_method_update,
            )

    async def process_dunning_order(self, session: AsyncSession, order: Order) -> Order:
        """Process a single order due for dunning payment retry."""
        # Defensive: capability may have flipped off after the cron picked
        # this order up. The repository filter normally prevents this.
        if not order.organization.can_renew_subscriptions:
            log.info(
                "Subscription renewals disabled, skipping dunning",
                order_id=order.id,
                organization_id=order.organization_id,
            )
            return order

        if order.is_void:
            log.info(
                "Order is void, skipping dunning",
                order_id=order.id,
            )
            repository = OrderRepository.from_session(session)
            return await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

        if order.subscription is None:
            log.warning(
                "Order has no subscription, skipping dunning",
                order_id=order.id,
            )
            return order

        if order.subscription.status == SubscriptionStatus.canceled:
            log.info(
                "Order subscription is cancelled, removing order from dunning process",
                order_id=order.id,
                subscription_id=order.subscription.id,
            )

            repository = OrderRepository.from_session(session)
            return await repository.update(
                order, update_dict={"next_payment_attempt_at": None}
            )

        payment_method_repository = PaymentMethodRepository.from_session(session)
        if (
            order.subscription.payment_method_id is None
            or (
                await payment_method_repository.get_by_id(
                    order.subscription.payment_method_id
                )
            )
            is None
        ):
            log.warning(
                "Order subscription has no payment method, record a failure",
                order_id=order.id,
                subscription_id=order.subscription.id,
            )
            return await self.handle_payment_failure(session, order)

        log.info(
            "Processing dunning order",
            order_id=order.id,
            subscription_id=order.subscription.id,
        )

        # Enqueue a payment retry for this order
        enqueue_job(
            "order.trigger_payment",
            order_id=order.id,
            payment_method_id=order.subscription.payment_method_id,
            payment_trigger=PaymentTrigger.retry_dunning,
        )

        return order


order = OrderService()

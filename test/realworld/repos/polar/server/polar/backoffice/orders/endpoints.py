import uuid
from collections.abc import Generator
from typing import Annotated, Any

import pycountry
import structlog
from babel.numbers import format_percent
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import UUID4, BeforeValidator, ValidationError
from sqlalchemy import func, or_
from sqlalchemy.orm import contains_eager, joinedload
from tagflow import attr, tag, text

from polar.invoice.service import invoice as invoice_service
from polar.kit.currency import format_currency, get_currency_decimal_factor
from polar.kit.pagination import PaginationParamsQuery
from polar.kit.schemas import empty_str_to_none
from polar.models import Customer, Order, Organization, Product
from polar.models.order import OrderBillingReason, OrderStatus
from polar.models.payment import PaymentTrigger
from polar.order import sorting
from polar.order.repository import OrderRepository
from polar.order.service import order as order_service
from polar.payment.repository import PaymentRepository
from polar.postgres import AsyncSession, get_db_read_session, get_db_session
from polar.refund.schemas import RefundCreate
from polar.refund.service import refund as refund_service
from polar.tax.calculation.base import TaxabilityReason
from polar.worker import enqueue_job

from .. import formatters
from ..components import button, datatable, description_list, input, modal
from ..layout import layout
from ..responses import HXRedirectResponse
from ..toast import add_toast
from .components import order_status_badge, orders_datatable, payments_datatable
from .forms import RefundForm

router = APIRouter()
logger = structlog.get_logger()


# Description List Items
class StatusDescriptionListItem(description_list.DescriptionListItem[Order]):
    def __init__(self, label: str) -> None:
        super().__init__(label)

    def render(self, request: Request, item: Order) -> Generator[None] | None:
        with order_status_badge(item.status):
            pass
        return None


class InvoicePDFItem(description_list.DescriptionListItem[Order]):
    def __init__(self, url: str | None):
        super().__init__("Invoice PDF")
        self.url = url

    def render(self, request: Request, item: Order) -> Generator[None] | None:
        with tag.div(classes="flex items-center gap-1"):
            if self.url is not None:
                with tag.a(href=self.url, classes="link flex flex-row gap-1"):
                    attr("target", "_blank")
                    attr("rel", "noopener noreferrer")
                    text("Download PDF")
                    with tag.div(classes="icon-external-link"):
                        pass
            else:
                with tag.span(classes="text-gray-500"):
                    text("Not generated")
        return None


class ReceiptPDFItem(description_list.DescriptionListItem[Order]):
    def __init__(self, url: str | None):
        super().__init__("Receipt PDF")
        self.url = url

    def render(self, request: Request, item: Order) -> Generator[None] | None:
        with tag.div(classes="flex items-center gap-1"):
            if self.url is not None:
                with tag.a(href=self.url, classes="link flex flex-row gap-1"):
                    attr("target", "_blank")
                    attr("rel", "noopener noreferrer")
                    text("Download PDF")
                    with tag.div(classes="icon-external-link"):
                        pass
            elif item.receipt_number is not None:
                with tag.span(classes="text-gray-500"):
                    text("Pending render")
            else:
                with tag.span(classes="text-gray-500"):
                    text("Not generated")
        return None


@router.get("/", name="orders:list")
async def list(
    request: Request,
    pagination: PaginationParamsQuery,
    sorting: sorting.ListSorting,
    query: Annotated[str | None, BeforeValidator(empty_str_to_none), Query()] = None,
    organization: Annotated[
        str | None, BeforeValidator(empty_str_to_none), Query()
    ] = None,
    status: Annotated[
        OrderStatus | None, BeforeValidator(empty_str_to_none), Query()
    ] = None,
    billing_reason: Annotated[
        OrderBillingReason | None, BeforeValidator(empty_str_to_none), Query()
    ] = None,
    session: AsyncSession = Depends(get_db_read_session),
) -> None:
    repository = OrderRepository.from_session(session)
    statement = (
        repository.get_base_statement()
        .join(Customer, Order.customer_id == Customer.id)
        .join(Product, Order.product_id == Product.id, isouter=True)
        .join(Organization, Order.organization_id == Organization.id)
        .options(
            contains_eager(Order.customer),
            contains_eager(Order.organization),
            contains_eager(Order.product),
        )
    )

    if query is not None:
        try:
            parsed_uuid = uuid.UUID(query)
            statement = statement.where(
                or_(
                    Order.id == parsed_uuid,
                    Order.customer_id == parsed_uuid,
                )
            )
        except ValueError:
            ts_query_simple = func.websearch_to_tsquery("simple", query)
            ts_query_english = func.websearch_to_tsquery("english", query)
            statement = statement.where(
                or_(
                    Order.search_vector.op("@@")(ts_query_simple),
                    Customer.search_vector.op("@@")(ts_query_simple),
                    Product.search_vector.op("@@")(ts_query_english),
                )
            )

    if organization is not None:
        try:
            parsed_org_uuid = uuid.UUID(organization)
            statement = statement.where(Organization.id == parsed_org_uuid)
        except ValueError:
            statement = statement.where(
                or_(
                    Organization.slug.ilike(f"%{organization}%"),
                    Organization.name.ilike(f"%{organization}%"),
                )
            )

    if status is not None:
        statement = statement.where(Order.status == status)

    if billing_reason is not None:
        statement = statement.where(Order.billing_reason == billing_reason)

    statement = repository.apply_sorting(statement, sorting)

    items, count = await repository.paginate(
        statement, limit=pagination.limit, page=pagination.page
    )

    with layout(
        request,
        [
            ("Orders", str(request.url_for("orders:list"))),
        ],
        "orders:list",
    ):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.h1(classes="text-4xl"):
                text("Orders")
            with tag.form(method="GET", classes="w-full flex flex-row gap-2"):
                with input.search(
                    "query",
                    query,
                    placeholder="Search by order/customer ID, email, product, invoice...",
                ):
                    pass
                with input.search(
                    "organization",
                    organization,
                    placeholder="Organization ID, name, or slug...",
                ):
                    pass
                with input.select(
                    [
                        ("All Statuses", ""),
                        ("Draft", OrderStatus.draft.value),
                        ("Pending", OrderStatus.pending.value),
                        ("Paid", OrderStatus.paid.value),
                        ("Refunded", OrderStatus.refunded.value),
                        (
                            "Partially Refunded",
                            OrderStatus.partially_refunded.value,
                        ),
                        ("Void", OrderStatus.void.value),
                    ],
                    status.value if status else "",
                    name="status",
                ):
                    pass
                with input.select(
                    [
                        ("All Billing Reasons", ""),
                        ("Purchase", OrderBillingReason.purchase.value),
                        (
                            "Subscription Create",
                            OrderBillingReason.subscription_create.value,
                        ),
                        (
                            "Subscription Cycle",
                            OrderBillingReason.subscription_cycle.value,
                        ),
                        (
                            "Meter Cycle",
                            OrderBillingReason.subscription_meter_cycle.value,
                        ),
                        (
                            "Subscription Update",
                            OrderBillingReason.subscription_update.value,
                        ),
                    ],
                    billing_reason.value if billing_reason else "",
                    name="billing_reason",
                ):
                    pass
                with button(type="submit"):
                    text("Filter")

            with orders_datatable(request, items, sorting=sorting):
                pass
            with datatable.pagination(request, pagination, count):
                pass


@router.get("/{id}", name="orders:get")
async def get(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_read_session),
) -> None:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(
        id,
        options=(
            joinedload(Order.customer),
            joinedload(Order.organization),
            joinedload(Order.product),
            joinedload(Order.discount),
            joinedload(Order.subscription),
        ),
    )

    if order is None:
        raise HTTPException(status_code=404)

    # Get invoice URL if it exists
    invoice_url: str | None = None
    if order.invoice_path is not None:
        try:
            invoice_url, _ = await invoice_service.get_order_invoice_url(order)
        except Exception:
            logger.exception("Failed to get order invoice URL", order_id=order.id)

    receipt_url: str | None = None
    if order.receipt_number is not None:
        try:
            receipt = await order_service.get_order_receipt(order)
            if receipt is not None:
                receipt_url = receipt.url
        except Exception:
            logger.exception("Failed to get order receipt", order_id=order.id)

    # Get all payments for this order
    payment_repository = PaymentRepository.from_session(session)
    payments = await payment_repository.get_all_by_order(order.id)

    with layout(
        request,
        [
            (f"{order.id}", str(request.url)),
            ("Orders", str(request.url_for("orders:list"))),
        ],
        "orders:get",
    ):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.div(classes="flex justify-between items-center"):
                with tag.div(classes="flex items-center gap-2"):
                    with tag.h1(classes="text-4xl"):
                        text(f"Order {order.invoice_number or order.id}")
                    if order.refunds_blocked:
                        with tag.div(classes="badge badge-warning"):
                            text("Refunds Blocked")
                with tag.div(classes="flex gap-2"):
                    # Block/Unblock Refunds button
                    if order.refunds_blocked:
                        with tag.form(
                            method="POST",
                            action=str(
                                request.url_for("orders:unblock_refunds", id=order.id)
                            ),
                        ):
                            with button(type="submit", outline=True):
                                text("Unblock Refunds")
                    else:
                        with tag.form(
                            method="POST",
                            action=str(
                                request.url_for("orders:block_refunds", id=order.id)
                            ),
                        ):
                            with button(type="submit", outline=True):
                                text("Block Refunds")
                    # Add Refund button if order is paid, can be refunded, and refunds are not blocked
                    if (
                        order.paid
                        and not order.refunds_blocked
                        and (order.refunded_amount or 0) < (order.net_amount or 0)
                    ):
                        with button(
                            hx_get=str(request.url_for("orders:refund", id=order.id)),
                            hx_target="#modal",
                        ):
                            text("Refund")

                    if order.status == OrderStatus.pending:
                        with button(
                            hx_get=str(
                                request.url_for("orders:retry_payment", id=order.id)
                            ),
                            hx_target="#modal",
                        ):
                            text("Retry Payment")
                        with button(
                            hx_get=str(request.url_for("orders:void", id=order.id)),
                            hx_target="#modal",
                        ):
                            text("Void")
                    elif order.status == OrderStatus.void:
                        with button(
                            hx_get=str(request.url_for("orders:unvoid", id=order.id)),
                            hx_target="#modal",
                        ):
                            text("Unvoid")

                    if order.invoice_path is not None:
                        with button(
                            hx_get=str(
                                request.url_for(
                                    "orders:regenerate_invoice", id=order.id
                                )
                            ),
                            hx_target="#modal",
                            outline=True,
                        ):
                            text("Regenerate Invoice")

            with tag.div(classes="grid grid-cols-1 lg:grid-cols-2 gap-4"):
                # Order Details
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Order Details")
                        with description_list.DescriptionList[Order](
                            description_list.DescriptionListAttrItem(
                                "id", "ID", clipboard=True
                            ),
                            description_list.DescriptionListDateTimeItem(
                                "created_at", "Created"
                            ),
                            description_list.DescriptionListAttrItem(
                                "invoice_number", "Invoice Number"
                            ),
                            StatusDescriptionListItem("Status"),
                            description_list.DescriptionListAttrItem(
                                "billing_reason", "Billing Reason"
                            ),
                            description_list.DescriptionListLinkItem[Order](
                                "subscription_id",
                                "Subscription",
                                href_getter=lambda r, i: str(
                                    r.url_for("subscriptions:get", id=i.subscription_id)
                                ),
                            ),
                            description_list.DescriptionListLinkItem[Order](
                                "stripe_invoice_id",
                                "Stripe Invoice",
                                href_getter=lambda _, i: (
                                    f"https://dashboard.stripe.com/invoices/{i.stripe_invoice_id}"
                                ),
                                external=True,
                            ),
                            InvoicePDFItem(invoice_url),
                            description_list.DescriptionListAttrItem(
                                "receipt_number", "Receipt Number"
                            ),
                            ReceiptPDFItem(receipt_url),
                        ).render(request, order):
                            pass

                # Customer Details
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Customer")
                        with description_list.DescriptionList[Order](
                            description_list.DescriptionListLinkItem[Order](
                                "customer.id",
                                "ID",
                                clipboard=True,
                                href_getter=lambda r, i: str(
                                    r.url_for("customers:get", id=i.customer.id)
                                ),
                            ),
                            description_list.DescriptionListAttrItem(
                                "customer.email", "Email", clipboard=True
                            ),
                            description_list.DescriptionListAttrItem(
                                "customer.name", "Name"
                            ),
                        ).render(request, order):
                            pass

                # Product Details
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Product")
                        with description_list.DescriptionList[Order](
                            description_list.DescriptionListLinkItem[Order](
                                "product.id",
                                "ID",
                                clipboard=True,
                                href_getter=lambda r, i: (
                                    str(r.url_for("products:get", id=i.product.id))
                                    if i.product is not None
                                    else None
                                ),
                            ),
                            description_list.DescriptionListAttrItem(
                                "product.name", "Name"
                            ),
                            description_list.DescriptionListLinkItem[Order](
                                "organization.name",
                                "Organization",
                                href_getter=lambda r, i: str(
                                    r.url_for(
                                        "organizations:detail",
                                        organization_id=i.organization.id,
                                    )
                                ),
                            ),
                        ).render(request, order):
                            pass

            # Additional sections below the main grid
            with tag.div(classes="flex flex-col gap-4 mt-6"):
                # Invoice section
                if order.items:
                    with tag.div(classes="card card-border w-full shadow-sm"):
                        with tag.div(classes="card-body"):
                            with tag.h2(classes="card-title"):
                                text("Invoice")

                            # Billing Information (above table, left-aligned)
                            if order.billing_name or order.billing_address:
                                with tag.div(classes="text-sm mb-4 mt-4"):
                                    if order.billing_name:
                                        with tag.div():
                                            text(order.billing_name)
                                    if order.billing_address:
                                        if order.billing_address.line1:
                                            with tag.div():
                                                text(order.billing_address.line1)
                                        if order.billing_address.line2:
                                            with tag.div():
                                                text(order.billing_address.line2)
                                        with tag.div():
                                            address_parts = []
                                            if order.billing_address.city:
                                                address_parts.append(
                                                    order.billing_address.city
                                                )
                                            if order.billing_address.state:
                                                address_parts.append(
                                                    order.billing_address.state
                                                )
                                            if order.billing_address.postal_code:
                                                address_parts.append(
                                                    order.billing_address.postal_code
                                                )
                                            if address_parts:
                                                text(", ".join(address_parts))
                                        if order.billing_address.country:
                                            with tag.div():
                                                text(order.billing_address.country)

                            with tag.div(classes="overflow-x-auto"):
                                with tag.table(classes="table w-full"):
                                    with tag.thead():
                                        with tag.tr():
                                            with tag.th():
                                                text("Description")
                                            with tag.th(classes="text-right"):
                                                text("Quantity")
                                            with tag.th(classes="text-right"):
                                                text("Unit Price")
                                            with tag.th(classes="text-right"):
                                                text("Amount")
                                    with tag.tbody():
                                        for item in order.items:
                                            with tag.tr():
                                                with tag.td():
                                                    text(item.label)
                                                with tag.td(classes="text-right"):
                                                    text("1")
                                                with tag.td(classes="text-right"):
                                                    text(
                                                        formatters.currency(
                                                            item.amount, order.currency
                                                        )
                                                    )
                                                with tag.td(classes="text-right"):
                                                    text(
                                                        formatters.currency(
                                                            item.amount, order.currency
                                                        )
                                                    )

                                        # Financial summary rows
                                        with tag.tr(classes="border-t-2"):
                                            with tag.td(
                                                colspan="3",
                                                classes="text-right font-semibold",
                                            ):
                                                text("Subtotal")
                                            with tag.td(
                                                classes="text-right font-semibold"
                                            ):
                                                text(
                                                    formatters.currency(
                                                        order.subtotal_amount,
                                                        order.currency,
                                                    )
                                                )

                                        if order.discount_amount > 0:
                                            with tag.tr():
                                                with tag.td(
                                                    colspan="3", classes="text-right"
                                                ):
                                                    text("Discount")
                                                with tag.td(classes="text-right"):
                                                    text(
                                                        f"-{
                                                            formatters.currency(
                                                                order.discount_amount,
                                                                order.currency,
                                                            )
                                                        }"
                                                    )

                                        if order.tax_amount > 0:
                                            for tax_item in order.tax_breakdown or []:
                                                with tag.tr():
                                                    with tag.td(
                                                        colspan="3",
                                                        classes="text-right",
                                                    ):
                                                        label = tax_item["display_name"]

                                                        if (
                                                            tax_item[
                                                                "taxability_reason"
                                                            ]
                                                            == TaxabilityReason.reverse_charge
                                                        ):
                                                            label += (
                                                                " (0% Reverse Charge)"
                                                            )
                                                        else:
                                                            if tax_item["country"]:
                                                                country = pycountry.countries.get(
                                                                    alpha_2=tax_item[
                                                                        "country"
                                                                    ]
                                                                )
                                                                if country is not None:
                                                                    parts = [
                                                                        country.name
                                                                    ]

                                                                    if tax_item[
                                                                        "state"
                                                                    ]:
                                                                        state: Any = pycountry.subdivisions.get(
                                                                            code=f"{tax_item['country']}-{tax_item['state']}"
                                                                        )
                                                                        if (
                                                                            state
                                                                            is not None
                                                                        ):
                                                                            parts = [
                                                                                state.name
                                                                            ] + parts

                                                                    if (
                                                                        tax_item[
                                                                            "subdivision"
                                                                        ]
                                                                        is not None
                                                                    ):
                                                                        parts = [
                                                                            tax_item[
                                                                                "subdivision"
                                                                            ]
                                                                        ] + parts

                                                                    label += f" — {', '.join(parts)}"

                                                            rate = tax_item.get("rate")
                                                            if rate is not None:
                                                                label += f" ({format_percent(rate, decimal_quantization=False)})"

                                                        text(label)
                                                    with tag.td(classes="text-right"):
                                                        text(
                                                            formatters.currency(
                                                                tax_item.get(
                                                                    "amount", 0
                                                                ),
                                                                order.currency,
                                                            )
                                                        )

                                            # Show total tax row if multiple items
                                            if (
                                                order.tax_breakdown
                                                and len(order.tax_breakdown) > 1
                                            ):
                                                with tag.tr():
                                                    with tag.td(
                                                        colspan="3",
                                                        classes="text-right",
                                                    ):
                                                        label = "Total tax"
                                                        if order.tax_id:
                                                            formatted_tax_id = (
                                                                formatters.tax_id(
                                                                    order.tax_id
                                                                )
                                                            )
                                                            label += (
                                                                f" • {formatted_tax_id}"
                                                            )
                                                        text(label)
                                                    with tag.td(classes="text-right"):
                                                        text(
                                                            formatters.currency(
                                                                order.tax_amount,
                                                                order.currency,
                                                            )
                                                        )

                                        with tag.tr(classes="border-t-2"):
                                            with tag.td(
                                                colspan="3",
                                                classes="text-right font-bold",
                                            ):
                                                text("Total")
                                            with tag.td(classes="text-right font-bold"):
                                                text(
                                                    formatters.currency(
                                                        order.total_amount,
                                                        order.currency,
                                                    )
                                                )

                                        if order.applied_balance_amount != 0:
                                            with tag.tr():
                                                with tag.td(
                                                    colspan="3", classes="text-right"
                                                ):
                                                    text("Applied balance")
                                                with tag.td(classes="text-right"):
                                                    text(
                                                        formatters.currency(
                                                            order.applied_balance_amount,
                                                            order.currency,
                                                        )
                                                    )

                                        if order.due_amount != order.total_amount:
                                            with tag.tr():
                                                with tag.td(
                                                    colspan="3",
                                                    classes="text-right font-bold",
                                                ):
                                                    text("To be paid")
                                                with tag.td(
                                                    classes="text-right font-bold"
                                                ):
                                                    text(
                                                        formatters.currency(
                                                            order.due_amount,
                                                            order.currency,
                                                        )
                                                    )

                                        if (
                                            order.refunded_amount
                                            and order.refunded_amount > 0
                                        ):
                                            with tag.tr():
                                                with tag.td(
                                                    colspan="3",
                                                    classes="text-right text-error",
                                                ):
                                                    text("Refunded Amount")
                                                with tag.td(
                                                    classes="text-right text-error"
                                                ):
                                                    text(
                                                        f"-{
                                                            formatters.currency(
                                                                order.refunded_amount,
                                                                order.currency,
                                                            )
                                                        }"
                                                    )

                                        if order.platform_fee_amount > 0:
                                            with tag.tr():
                                                with tag.td(
                                                    colspan="3", classes="text-right"
                                                ):
                                                    text("Platform Fee")
                                                with tag.td(classes="text-right"):
                                                    text(
                                                        formatters.currency(
                                                            order.platform_fee_amount,
                                                            order.platform_fee_currency
                                                            or order.currency,
                                                        )
                                                    )

                # Payments section
                if payments:
                    with tag.div(classes="card card-border w-full shadow-sm"):
                        with tag.div(classes="card-body"):
                            with tag.h2(classes="card-title"):
                                text("Payments")
                            with payments_datatable(request, payments):
                                pass


@router.api_route("/{id}/refund", name="orders:refund", methods=["GET", "POST"])
async def refund(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(
        id,
        options=order_repository.get_eager_options(),
    )

    if order is None:
        raise HTTPException(status_code=404)

    # Check if order can be refunded
    if not order.paid:
        await add_toast(request, "This order has not been paid yet.", "error")
        return

    if order.refunds_blocked:
        await add_toast(request, "Refunds are blocked for this order.", "error")
        return

    if (order.refunded_amount or 0) >= (order.net_amount or 0):
        await add_toast(request, "This order has already been fully refunded.", "error")
        return

    validation_error: ValidationError | None = None

    if request.method == "POST":
        data = await request.form()
        try:
            form = RefundForm.model_validate_form(data)

            refund_create = RefundCreate(
                order_id=order.id,
                reason=form.reason,
                amount=int(form.amount * get_currency_decimal_factor(order.currency)),
                comment=form.comment,
                revoke_benefits=form.revoke_benefits,
            )
            await refund_service.create(session, order, refund_create)
            await add_toast(request, "Refund created successfully.", "success")
            return HXRedirectResponse(
                request, str(request.url_for("orders:get", id=id)), 303
            )
        except ValidationError as e:
            validation_error = e
        except Exception as e:
            await add_toast(request, f"Failed to create refund: {e}", "error")
            validation_error = None

    # Calculate max refundable amount
    max_refundable = (order.net_amount or 0) - (order.refunded_amount or 0)
    max_refundable_display = format_currency(max_refundable, order.currency)

    with modal("Refund order", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(f"Maximum refundable amount: {max_refundable_display}")
            with RefundForm.render(
                hx_post=str(request.url_for("orders:refund", id=id)),
                hx_target="#modal",
                classes="flex flex-col",
                validation_error=validation_error,
            ):
                with tag.div(classes="modal-action"):
                    with tag.form(method="dialog"):
                        with button(ghost=True):
                            text("Cancel")
                    with button(type="submit", variant="primary"):
                        text("Submit")


@router.post("/{id}/block-refunds", name="orders:block_refunds")
async def block_refunds(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(id)

    if order is None:
        raise HTTPException(status_code=404)

    if order.refunds_blocked:
        await add_toast(request, "Refunds are already blocked for this order.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    await order_service.set_refunds_blocked(session, order, blocked=True)
    await add_toast(request, "Refunds have been blocked for this order.", "success")
    return HXRedirectResponse(request, str(request.url_for("orders:get", id=id)), 303)


@router.post("/{id}/unblock-refunds", name="orders:unblock_refunds")
async def unblock_refunds(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(id)

    if order is None:
        raise HTTPException(status_code=404)

    if not order.refunds_blocked:
        await add_toast(request, "Refunds are not blocked for this order.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    await order_service.set_refunds_blocked(session, order, blocked=False)
    await add_toast(request, "Refunds have been unblocked for this order.", "success")
    return HXRedirectResponse(request, str(request.url_for("orders:get", id=id)), 303)


@router.api_route(
    "/{id}/retry-payment", name="orders:retry_payment", methods=["GET", "POST"]
)
async def retry_payment(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(
        id,
        options=order_repository.get_eager_options(),
    )

    if order is None:
        raise HTTPException(status_code=404)

    if order.status != OrderStatus.pending:
        await add_toast(request, "Only pending orders can be retried.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    subscription_payment_method_id = (
        order.subscription.payment_method_id if order.subscription else None
    )
    payment_method_id = (
        subscription_payment_method_id or order.customer.default_payment_method_id
    )

    if payment_method_id is None:
        await add_toast(request, "No payment method available for this order.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    if request.method == "POST":
        enqueue_job(
            "order.trigger_payment",
            order_id=order.id,
            payment_method_id=payment_method_id,
            payment_trigger=PaymentTrigger.retry_admin,
        )
        await add_toast(request, "Payment retry triggered.", "success")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    with modal("Retry payment", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    "Trigger a payment retry for this order? "
                    "Make sure the payment method has been added to "
                    "the Stripe Radar allow list if needed."
                )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    hx_post=str(request.url_for("orders:retry_payment", id=id)),
                    hx_target="#modal",
                    variant="primary",
                ):
                    text("Retry Payment")


@router.api_route("/{id}/void", name="orders:void", methods=["GET", "POST"])
async def void(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(
        id,
        options=order_repository.get_eager_options(),
    )

    if order is None:
        raise HTTPException(status_code=404)

    # Check if order can be voided
    if order.status != OrderStatus.pending:
        await add_toast(request, "Only pending orders can be voided.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    if request.method == "POST":
        try:
            await order_service.void(session, order)
            await add_toast(request, "Order voided successfully.", "success")
            return HXRedirectResponse(
                request, str(request.url_for("orders:get", id=id)), 303
            )
        except Exception as e:
            await add_toast(request, f"Failed to void order: {e}", "error")

    # Show confirmation modal
    with modal("Void order", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    "Are you sure you want to void this order? "
                    "Only Polar support can undo this action."
                )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    hx_post=str(request.url_for("orders:void", id=id)),
                    hx_target="#modal",
                    variant="error",
                ):
                    text("Void Order")


@router.api_route("/{id}/unvoid", name="orders:unvoid", methods=["GET", "POST"])
async def unvoid(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    if request.method == "POST":
        order = await order_repository.get_by_id(
            id,
            options=order_repository.get_eager_options(),
            for_update=True,
        )
    else:
        order = await order_repository.get_by_id(
            id,
            options=order_repository.get_eager_options(),
        )

    if order is None:
        raise HTTPException(status_code=404)

    if order.status != OrderStatus.void:
        await add_toast(request, "Only void orders can be unvoided.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    if request.method == "POST":
        try:
            await order_service.unvoid(session, order)
            await add_toast(request, "Order unvoided successfully.", "success")
            return HXRedirectResponse(
                request, str(request.url_for("orders:get", id=id)), 303
            )
        except Exception as e:
            await add_toast(request, f"Failed to unvoid order: {e}", "error")

    with modal("Unvoid order", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    "This will return the order to pending. It will not retry payment, "
                    "resume dunning, or change the linked subscription."
                )
            if order.subscription is not None:
                with tag.p(classes="text-warning"):
                    text(
                        f"Linked subscription status: {order.subscription.status.value}."
                    )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    hx_post=str(request.url_for("orders:unvoid", id=id)),
                    hx_target="#modal",
                    variant="primary",
                ):
                    text("Unvoid Order")


@router.api_route(
    "/{id}/regenerate-invoice",
    name="orders:regenerate_invoice",
    methods=["GET", "POST"],
)
async def regenerate_invoice(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    order_repository = OrderRepository.from_session(session)
    order = await order_repository.get_by_id(
        id,
        options=order_repository.get_eager_options(),
    )

    if order is None:
        raise HTTPException(status_code=404)

    if order.invoice_path is None:
        await add_toast(request, "This order has no invoice to regenerate.", "error")
        return HXRedirectResponse(
            request, str(request.url_for("orders:get", id=id)), 303
        )

    if request.method == "POST":
        try:
            await order_service.trigger_invoice_generation(session, order, force=True)
            await add_toast(
                request,
                "Invoice regeneration scheduled. "
                "The PDF will refresh in a few seconds.",
                "success",
            )
            return HXRedirectResponse(
                request, str(request.url_for("orders:get", id=id)), 303
            )
        except Exception as e:
            await add_toast(request, f"Failed to regenerate invoice: {e}", "error")

    with modal("Regenerate invoice", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    "This re-renders the invoice PDF from the current billing "
                    "details, tax data and template. The invoice number is kept; "
                    "only the PDF file is replaced. Use this to pick up fixes that "
                    "don't change the order itself (e.g. the seller tax number)."
                )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with button(
                    hx_post=str(request.url_for("orders:regenerate_invoice", id=id)),
                    hx_target="#modal",
                    variant="primary",
                ):
                    text("Regenerate Invoice")

import uuid
from collections.abc import Generator, Sequence
from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import (
    UUID4,
    BeforeValidator,
    EmailStr,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from sqlalchemy import func, or_
from sqlalchemy.orm import contains_eager, joinedload
from tagflow import classes, document, tag, text

from polar.backoffice import forms
from polar.backoffice.orders.components import orders_datatable
from polar.benefit.grant.repository import BenefitGrantRepository
from polar.config import settings
from polar.customer.repository import CustomerRepository
from polar.customer.schemas.customer import CustomerUpdate
from polar.customer.service import customer as customer_service
from polar.customer_session.service import customer_session as customer_session_service
from polar.exceptions import PolarRequestValidationError
from polar.kit.currency import PresentmentCurrency, get_currency_decimal_factor
from polar.kit.pagination import PaginationParamsQuery
from polar.kit.schemas import empty_str_to_none
from polar.member.repository import MemberRepository
from polar.member_session.service import member_session as member_session_service
from polar.models import (
    BenefitGrant,
    Customer,
    Member,
    Order,
    Organization,
    Product,
    Subscription,
    Wallet,
    WalletTransaction,
)
from polar.models.wallet import WalletType
from polar.order.repository import OrderRepository
from polar.postgres import AsyncSession, get_db_read_session, get_db_session
from polar.subscription.repository import SubscriptionRepository
from polar.subscription.sorting import SubscriptionSortProperty
from polar.wallet.repository import WalletRepository, WalletTransactionRepository
from polar.wallet.service import wallet as wallet_service
from polar.worker import enqueue_job

from ..components import button, datatable, description_list, modal
from ..formatters import currency
from ..layout import layout
from ..responses import HXRedirectResponse
from ..toast import add_toast
from .components import customers_datatable, email_verified_badge

_MAX_CURRENCY_DECIMAL_FACTOR = max(
    get_currency_decimal_factor(currency) for currency in PresentmentCurrency
)
_MINIMUM_BALANCE_AMOUNT = Decimal(-(2**63)) / _MAX_CURRENCY_DECIMAL_FACTOR
_MAXIMUM_BALANCE_AMOUNT = Decimal(2**63 - 1) / _MAX_CURRENCY_DECIMAL_FACTOR


class UpdateCustomerEmailForm(forms.BaseForm):
    email: Annotated[
        EmailStr,
        forms.InputField(type="email", placeholder="customer@example.com"),
        Field(title="Email"),
    ]


class CreateBalanceTransactionForm(forms.BaseForm):
    currency: Annotated[
        PresentmentCurrency,
        forms.SelectField(
            options=[
                (currency.value, currency.value.upper())
                for currency in PresentmentCurrency
            ]
        ),
        Field(title="Currency"),
    ]
    amount: Annotated[
        Decimal,
        forms.InputField(type="number", step="any"),
        Field(
            title="Amount",
            ge=_MINIMUM_BALANCE_AMOUNT,
            le=_MAXIMUM_BALANCE_AMOUNT,
            allow_inf_nan=False,
        ),
    ]

    @field_validator("amount")
    @classmethod
    def validate_amount_precision(
        cls, amount: Decimal, info: ValidationInfo
    ) -> Decimal:
        if amount == 0:
            raise ValueError("Amount must not be zero")
        currency = info.data.get("currency")
        if currency is None:
            return amount
        decimal_factor = get_currency_decimal_factor(currency)
        amount_in_smallest_unit = amount * decimal_factor
        if amount_in_smallest_unit != amount_in_smallest_unit.to_integral_value():
            decimal_places = 0 if decimal_factor == 1 else 2
            raise ValueError(
                f"Amount must have at most {decimal_places} decimal places"
            )
        return amount

    def amount_in_smallest_unit(self) -> int:
        return int(self.amount * get_currency_decimal_factor(self.currency))


class WalletTransactionReferenceColumn(datatable.DatatableColumn[WalletTransaction]):
    def __init__(self) -> None:
        super().__init__("Reference")

    def render(
        self, request: Request, item: WalletTransaction
    ) -> Generator[None] | None:
        href: str | None = None
        label: str | None = None
        if item.refund_id is not None:
            label = f"Refund {item.refund_id}"
            if item.refund is not None and item.refund.order_id is not None:
                href = str(request.url_for("orders:get", id=item.refund.order_id))
        elif item.order_id is not None:
            label = f"Order {item.order_id}"
            href = str(request.url_for("orders:get", id=item.order_id))

        if label is None:
            text("—")
        elif href is None:
            text(label)
        else:
            with tag.a(href=href, classes="link"):
                text(label)
        return None


router = APIRouter()


@router.get("/", name="customers:list")
async def list(
    request: Request,
    pagination: PaginationParamsQuery,
    query: Annotated[str | None, BeforeValidator(empty_str_to_none), Query()] = None,
    session: AsyncSession = Depends(get_db_read_session),
) -> None:
    repository = CustomerRepository.from_session(session)
    statement = (
        repository.get_base_statement(include_deleted=True)
        .join(Organization, Customer.organization_id == Organization.id)
        .options(contains_eager(Customer.organization))
    )

    if query is not None:
        try:
            parsed_uuid = uuid.UUID(query)
            statement = statement.where(
                or_(
                    Customer.id == parsed_uuid,
                    Organization.id == parsed_uuid,
                )
            )
        except ValueError:
            ts_query_simple = func.websearch_to_tsquery("simple", query)
            ilike_term = f"%{query}%"
            statement = statement.where(
                or_(
                    Customer.search_vector.op("@@")(ts_query_simple),
                    Customer.external_id.ilike(ilike_term),
                    Organization.slug.ilike(ilike_term),
                    Organization.name.ilike(ilike_term),
                )
            )

    statement = statement.order_by(Customer.created_at.desc())
    items, count = await repository.paginate(
        statement, limit=pagination.limit, page=pagination.page
    )

    with layout(
        request,
        [
            ("Customers", str(request.url_for("customers:list"))),
        ],
        "customers:list",
    ):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.h1(classes="text-4xl"):
                text("Customers")
            with tag.form(method="GET", classes="w-full flex flex-row gap-2"):
                with tag.input(
                    type="search",
                    name="query",
                    value=query or "",
                    placeholder="Search by email, ID, external ID, or organization...",
                    classes="input input-bordered flex-1",
                ):
                    pass
                with button(type="submit"):
                    text("Search")
            with customers_datatable(request, items):
                pass
            with datatable.pagination(request, pagination, count):
                pass


@router.get("/{id}", name="customers:get")
async def get(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_read_session),
) -> None:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(
        id,
        include_deleted=True,
        options=(joinedload(Customer.organization),),
    )

    if customer is None:
        raise HTTPException(status_code=404)

    # Get subscriptions
    subscription_repository = SubscriptionRepository.from_session(session)
    subscriptions_statement = (
        subscription_repository.get_base_statement()
        .where(Subscription.customer_id == customer.id)
        .join(Product, Subscription.product_id == Product.id)
        .join(Organization, Product.organization_id == Organization.id)
        .options(
            contains_eager(Subscription.product).contains_eager(Product.organization)
        )
        .order_by(Subscription.started_at.desc())
    )
    subscriptions = await subscription_repository.get_all(subscriptions_statement)

    # Get orders
    order_repository = OrderRepository.from_session(session)
    orders_statement = (
        order_repository.get_base_statement()
        .where(Order.customer_id == customer.id)
        .options(joinedload(Order.customer))
        .order_by(Order.created_at.desc())
        .limit(50)
    )
    orders = await order_repository.get_all(orders_statement)

    # Get credit balances
    billing_wallets = await WalletRepository.from_session(
        session
    ).get_all_by_type_customer(
        WalletType.billing,
        customer.id,
    )

    # Get granted benefits
    benefit_grant_repository = BenefitGrantRepository.from_session(session)
    benefit_grants = await benefit_grant_repository.list_granted_by_customer(
        customer.id, options=(joinedload(BenefitGrant.benefit),)
    )

    # Get members
    member_repository = MemberRepository.from_session(session)
    members = await member_repository.list_by_customer(customer.id)

    with layout(
        request,
        [
            (customer.display_name, str(request.url)),
            ("Customers", str(request.url_for("customers:list"))),
        ],
        "customers:get",
    ):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.div(classes="flex items-center gap-4"):
                with tag.h1(classes="text-4xl"):
                    text(customer.display_name)
                if customer.deleted_at:
                    with tag.div(classes="badge badge-error"):
                        text("Deleted")

            with tag.div(classes="grid grid-cols-1 lg:grid-cols-2 gap-4"):
                # Customer Details
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.div(classes="flex justify-between items-center"):
                            with tag.h2(classes="card-title"):
                                text("Customer Details")
                            with tag.div(classes="flex items-center gap-2"):
                                if customer.deleted_at:
                                    with button(
                                        hx_get=str(
                                            request.url_for(
                                                "customers:restore",
                                                id=customer.id,
                                            )
                                        ),
                                        hx_target="#modal",
                                        variant="primary",
                                        size="sm",
                                    ):
                                        text("Restore")
                                with button(
                                    hx_get=str(
                                        request.url_for(
                                            "customers:edit_email",
                                            id=customer.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                    variant="secondary",
                                    size="sm",
                                    ghost=True,
                                ):
                                    text("Edit Email")
                        with description_list.DescriptionList[Customer](
                            description_list.DescriptionListAttrItem(
                                "id", "ID", clipboard=True
                            ),
                            description_list.DescriptionListAttrItem(
                                "email", "Email", clipboard=True
                            ),
                            description_list.DescriptionListAttrItem("name", "Name"),
                            description_list.DescriptionListAttrItem(
                                "external_id", "External ID", clipboard=True
                            ),
                            description_list.DescriptionListDateTimeItem(
                                "created_at", "Created At"
                            ),
                        ).render(request, customer):
                            pass

                # Organization
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Organization")
                        with description_list.DescriptionList[Customer](
                            description_list.DescriptionListLinkItem[Customer](
                                "organization.name",
                                "Name",
                                href_getter=lambda r, i: str(
                                    r.url_for(
                                        "organizations:detail",
                                        organization_id=i.organization_id,
                                    )
                                ),
                            ),
                            description_list.DescriptionListAttrItem(
                                "organization.slug", "Slug"
                            ),
                        ).render(request, customer):
                            pass

                # Billing Information
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Billing Information")
                        with description_list.DescriptionList[Customer](
                            description_list.DescriptionListAttrItem(
                                "billing_name", "Billing Name"
                            ),
                            description_list.DescriptionListAttrItem(
                                "tax_id", "Tax ID"
                            ),
                        ).render(request, customer):
                            pass

                        if customer.billing_address:
                            with tag.div(classes="mt-4"):
                                with tag.h3(classes="text-lg font-semibold mb-2"):
                                    text("Billing Address")
                                with description_list.DescriptionList[Customer](
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.line1", "Address Line 1"
                                    ),
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.line2", "Address Line 2"
                                    ),
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.city", "City"
                                    ),
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.state", "State"
                                    ),
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.postal_code", "Postal Code"
                                    ),
                                    description_list.DescriptionListAttrItem(
                                        "billing_address.country", "Country"
                                    ),
                                ).render(request, customer):
                                    pass

                # Stripe Information
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.h2(classes="card-title"):
                            text("Stripe Information")
                        if customer.stripe_customer_id:
                            with description_list.DescriptionList[Customer](
                                description_list.DescriptionListLinkItem[Customer](
                                    "stripe_customer_id",
                                    "Stripe Customer ID",
                                    href_getter=lambda _, i: (
                                        f"https://dashboard.stripe.com/customers/{i.stripe_customer_id}"
                                    ),
                                    external=True,
                                ),
                            ).render(request, customer):
                                pass
                        else:
                            with tag.p(classes="text-gray-500"):
                                text("No Stripe customer linked")

                        with tag.div(classes="mt-4"):
                            with tag.div(classes="flex items-center gap-2"):
                                with tag.span(classes="font-semibold"):
                                    text("Email Verified:")
                                with email_verified_badge(customer.email_verified):
                                    pass

                # Credit Balance
                with tag.div(classes="card card-border w-full shadow-sm"):
                    with tag.div(classes="card-body"):
                        with tag.div(classes="flex justify-between items-center"):
                            with tag.h2(classes="card-title"):
                                text("Credit Balance")
                            if not customer.deleted_at:
                                with button(
                                    hx_get=str(
                                        request.url_for(
                                            "customers:create_balance_transaction",
                                            id=customer.id,
                                        )
                                    ),
                                    hx_target="#modal",
                                    variant="primary",
                                    size="sm",
                                ):
                                    text("Add Transaction")
                        with tag.dl():
                            balances: Sequence[Wallet | None] = billing_wallets or [
                                None
                            ]
                            for wallet in balances:
                                balance_currency = (
                                    wallet.currency if wallet is not None else "usd"
                                )
                                balance_amount = (
                                    wallet.balance if wallet is not None else 0
                                )
                                with tag.div(
                                    classes=("py-2 sm:grid sm:grid-cols-3 sm:gap-4")
                                ):
                                    with tag.dt(classes="text-sm/6 font-medium"):
                                        if wallet is None:
                                            text(balance_currency.upper())
                                        else:
                                            with tag.button(
                                                type="button",
                                                classes="link link-hover font-medium",
                                                hx_get=str(
                                                    request.url_for(
                                                        "customers:wallet_transactions",
                                                        id=customer.id,
                                                        wallet_id=wallet.id,
                                                    )
                                                ),
                                                hx_target="#modal",
                                            ):
                                                text(balance_currency.upper())
                                    with tag.dd(
                                        classes=(
                                            "mt-1 text-sm/6 font-medium tabular-nums "
                                            "sm:col-span-2 sm:mt-0 sm:text-right"
                                        )
                                    ):
                                        if balance_amount > 0:
                                            classes("text-success")
                                        elif balance_amount < 0:
                                            classes("text-error")
                                        text(
                                            currency(
                                                balance_amount,
                                                balance_currency,
                                            )
                                        )

            # Members Section
            with tag.div(classes="mt-8"):
                with tag.div(classes="flex items-center gap-4 mb-4"):
                    with tag.h2(classes="text-2xl font-bold"):
                        text(f"Members ({len(members)})")
                    if not members:
                        with button(
                            hx_get=str(
                                request.url_for(
                                    "customers:generate_portal_link_modal",
                                    id=customer.id,
                                )
                            ),
                            hx_target="#modal",
                            variant="primary",
                        ):
                            text("Generate Portal Link")

                with datatable.Datatable[Member, Any](
                    datatable.DatatableAttrColumn("id", "ID", clipboard=True),
                    datatable.DatatableAttrColumn("email", "Email", clipboard=True),
                    datatable.DatatableAttrColumn("name", "Name"),
                    datatable.DatatableAttrColumn("role", "Role"),
                    datatable.DatatableDateTimeColumn("created_at", "Created At"),
                    datatable.DatatableActionsColumn[Member](
                        "",
                        datatable.DatatableActionHTMX[Member](
                            "Generate Portal Link",
                            lambda r, i: str(
                                r.url_for(
                                    "customers:generate_member_portal_link_modal",
                                    id=customer.id,
                                    member_id=i.id,
                                )
                            ),
                            target="#modal",
                        ),
                    ),
                    empty_message="No members found",
                ).render(request, members):
                    pass

            # Subscriptions Section
            with tag.div(classes="mt-8"):
                with tag.div(classes="flex items-center gap-4 mb-4"):
                    with tag.h2(classes="text-2xl font-bold"):
                        text(f"Subscriptions ({len(subscriptions)})")

                if subscriptions:
                    with datatable.Datatable[Subscription, SubscriptionSortProperty](
                        datatable.DatatableAttrColumn(
                            "id",
                            "ID",
                            clipboard=True,
                            href_route_name="subscriptions:get",
                        ),
                        datatable.DatatableAttrColumn("status", "Status"),
                        datatable.DatatableAttrColumn("product.name", "Product"),
                        datatable.DatatableDateTimeColumn("started_at", "Started At"),
                        datatable.DatatableDateTimeColumn(
                            "current_period_end", "Current Period End"
                        ),
                        datatable.DatatableActionsColumn[Subscription](
                            "",
                            datatable.DatatableActionHTMX[Subscription](
                                "Grant benefits",
                                lambda r, i: str(
                                    r.url_for(
                                        "customers:grant_benefits_subscription",
                                        id=customer.id,
                                        subscription_id=i.id,
                                    )
                                ),
                                target="#modal",
                            ),
                        ),
                    ).render(request, subscriptions):
                        pass
                else:
                    with tag.div(classes="text-center py-8 text-gray-500"):
                        text("No subscriptions found")

            # Orders Section
            with tag.div(classes="mt-8"):
                with tag.div(classes="flex items-center gap-4 mb-4"):
                    with tag.h2(classes="text-2xl font-bold"):
                        text(f"Orders ({len(orders)})")

                if orders:
                    with orders_datatable(
                        request,
                        orders,
                        extra=[
                            datatable.DatatableActionsColumn[Order](
                                "",
                                datatable.DatatableActionHTMX[Order](
                                    "Grant benefits",
                                    lambda r, i: str(
                                        r.url_for(
                                            "customers:grant_benefits_order",
                                            id=customer.id,
                                            order_id=i.id,
                                        )
                                    ),
                                    target="#modal",
                                    hidden=lambda r, i: i.subscription_id is not None,
                                ),
                            ),
                        ],
                    ):
                        pass
                else:
                    with tag.div(classes="text-center py-8 text-gray-500"):
                        text("No orders found")

            # Benefits Section
            with tag.div(classes="mt-8"):
                with tag.div(classes="flex justify-between items-center mb-4"):
                    with tag.h2(classes="text-2xl font-bold"):
                        text(f"Granted Benefits ({len(benefit_grants)})")
                    if benefit_grants:
                        with button(
                            hx_get=str(
                                request.url_for(
                                    "customers:revoke_benefits", id=customer.id
                                )
                            ),
                            hx_target="#modal",
                            variant="error",
                        ):
                            text("Revoke Benefits")

                if benefit_grants:
                    with datatable.Datatable[BenefitGrant, Any](
                        datatable.DatatableAttrColumn(
                            "benefit_id",
                            "ID",
                            clipboard=True,
                            href_route_name="benefits:get",
                        ),
                        datatable.DatatableAttrColumn(
                            "benefit.description", "Description"
                        ),
                        datatable.DatatableAttrColumn("benefit.type", "Type"),
                        datatable.DatatableDateTimeColumn("granted_at", "Granted At"),
                    ).render(request, benefit_grants):
                        pass
                else:
                    with tag.div(classes="text-center py-8 text-gray-500"):
                        text("No granted benefits found")


@router.api_route(
    "/{id}/balance-transactions/create",
    name="customers:create_balance_transaction",
    methods=["GET", "POST"],
)
async def create_balance_transaction(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    customer = await CustomerRepository.from_session(session).get_by_id(id)
    if customer is None:
        raise HTTPException(status_code=404)

    validation_error: ValidationError | None = None
    form_data: dict[str, Any] = {"currency": PresentmentCurrency.usd.value}

    if request.method == "POST":
        request_form_data = await request.form()
        form_data = dict(request_form_data)
        try:
            form = CreateBalanceTransactionForm.model_validate_form(request_form_data)
            await wallet_service.create_balance_transaction(
                session,
                customer,
                form.amount_in_smallest_unit(),
                form.currency.value,
            )
            await add_toast(
                request,
                "Customer balance transaction created successfully.",
                "success",
            )
            return HXRedirectResponse(
                request,
                str(request.url_for("customers:get", id=customer.id)),
                303,
            )
        except ValidationError as e:
            validation_error = e

    with document() as doc:
        with tag.div(id="modal"):
            with modal("Create Balance Transaction", open=True):
                with CreateBalanceTransactionForm.render(
                    data=form_data,
                    validation_error=validation_error,
                    method="POST",
                    hx_post=str(
                        request.url_for(
                            "customers:create_balance_transaction",
                            id=customer.id,
                        )
                    ),
                    hx_target="#modal",
                ):
                    with tag.div(classes="modal-action"):
                        with tag.form(method="dialog"):
                            with button(ghost=True):
                                text("Cancel")
                        with button(type="submit", variant="primary"):
                            text("Create Transaction")

    return HTMLResponse(str(doc))


@router.get(
    "/{id}/wallets/{wallet_id}/transactions",
    name="customers:wallet_transactions",
)
async def wallet_transactions(
    request: Request,
    id: UUID4,
    wallet_id: UUID4,
    pagination: PaginationParamsQuery,
    session: AsyncSession = Depends(get_db_read_session),
) -> Any:
    wallet = await WalletRepository.from_session(session).get_by_id(wallet_id)
    if wallet is None or wallet.customer_id != id or wallet.type != WalletType.billing:
        raise HTTPException(status_code=404)

    transactions, count = await WalletTransactionRepository.from_session(
        session
    ).paginate_by_wallet(wallet.id, pagination=pagination)

    with document() as doc:
        with tag.div(id="modal"):
            with modal(f"{wallet.currency.upper()} Balance Transactions", open=True):
                with datatable.Datatable[WalletTransaction, Any](
                    datatable.DatatableDateTimeColumn("timestamp", "Created"),
                    datatable.DatatableCurrencyColumn("amount", "Amount"),
                    WalletTransactionReferenceColumn(),
                    empty_message="No balance transactions found",
                ).render(request, transactions):
                    pass
                with datatable.pagination(
                    request,
                    pagination,
                    count,
                    hx_target="#modal",
                ):
                    pass

    return HTMLResponse(str(doc))


def _render_portal_link_modal(
    *, title: str, recipient_message: str, portal_url: str
) -> HTMLResponse:
    expires_in_hours = int(settings.CUSTOMER_SESSION_TTL.total_seconds() / 3600)
    if expires_in_hours < 1:
        expires_in_minutes = int(settings.CUSTOMER_SESSION_TTL.total_seconds() / 60)
        expiration_message = f"{expires_in_minutes} minutes"
    else:
        expiration_message = (
            f"{expires_in_hours} hour{'s' if expires_in_hours != 1 else ''}"
        )

    with document() as doc:
        with tag.div(id="modal"):
            with modal(title, open=True):
                with tag.div(classes="alert alert-info mb-4"):
                    with tag.div():
                        with tag.p(classes="text-sm"):
                            text(
                                f"This link will expire in {expiration_message}. "
                                f"{recipient_message}"
                            )

                with tag.div(classes="form-control w-full mb-4"):
                    with tag.label(classes="label"):
                        with tag.span(classes="label-text font-semibold"):
                            text("Portal URL")
                    with tag.div(classes="flex gap-2 items-center"):
                        with tag.input(
                            type="text",
                            value=portal_url,
                            readonly=True,
                            classes="input input-bordered flex-1 font-mono text-sm",
                        ):
                            pass
                        with tag.a(
                            href=portal_url,
                            target="_blank",
                            rel="noopener noreferrer",
                            classes="btn btn-primary",
                        ):
                            text("Open Portal")

                with tag.div(classes="modal-action"):
                    with tag.form(method="dialog"):
                        with button(variant="primary"):
                            text("Done")

    return HTMLResponse(str(doc))


@router.get(
    "/{id}/generate_portal_link_modal",
    name="customers:generate_portal_link_modal",
)
async def generate_portal_link_modal(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(
        id, options=(joinedload(Customer.organization),)
    )

    if customer is None:
        raise HTTPException(status_code=404)

    if not customer.organization:
        raise HTTPException(
            status_code=500, detail="Customer organization not properly loaded"
        )

    token, _ = await customer_session_service.create_customer_session(session, customer)

    frontend_base_url = str(settings.FRONTEND_BASE_URL).rstrip("/")
    org_slug = customer.organization.slug
    query_string = urlencode({"customer_session_token": token})
    portal_url = f"{frontend_base_url}/{org_slug}/portal?{query_string}"

    return _render_portal_link_modal(
        title="Customer Portal Link Generated",
        recipient_message="The customer can use this link to access their portal.",
        portal_url=portal_url,
    )


@router.get(
    "/{id}/members/{member_id}/generate_portal_link_modal",
    name="customers:generate_member_portal_link_modal",
)
async def generate_member_portal_link_modal(
    request: Request,
    id: UUID4,
    member_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(
        id, options=(joinedload(Customer.organization),)
    )

    if customer is None:
        raise HTTPException(status_code=404)

    if not customer.organization:
        raise HTTPException(
            status_code=500, detail="Customer organization not properly loaded"
        )

    member_repository = MemberRepository.from_session(session)
    member = await member_repository.get_by_id_and_customer_id(member_id, customer.id)

    if member is None:
        raise HTTPException(status_code=404)

    token, _ = await member_session_service.create_member_session(session, member)

    frontend_base_url = str(settings.FRONTEND_BASE_URL).rstrip("/")
    org_slug = customer.organization.slug
    query_string = urlencode({"member_session_token": token, "email": member.email})
    portal_url = f"{frontend_base_url}/{org_slug}/portal?{query_string}"

    return _render_portal_link_modal(
        title="Member Portal Link Generated",
        recipient_message=(
            f"{member.email} can use this link to access the customer portal."
        ),
        portal_url=portal_url,
    )


@router.api_route("/{id}/restore", name="customers:restore", methods=["GET", "POST"])
async def restore_customer(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(id, include_deleted=True)

    if customer is None:
        raise HTTPException(status_code=404)

    if not customer.deleted_at:
        raise HTTPException(status_code=400, detail="Customer is not deleted")

    if request.method == "POST":
        await customer_repository.update(customer, update_dict={"deleted_at": None})

        await add_toast(
            request,
            f"Customer {customer.display_name} has been restored.",
            "success",
        )

        return HXRedirectResponse(
            request, str(request.url_for("customers:get", id=customer.id))
        )

    with modal("Restore Customer", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    f"Are you sure you want to restore {customer.display_name}? "
                    "This will re-activate the customer. "
                    "Benefits will NOT be automatically re-granted."
                )

            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(method="dialog"):
                    with button(
                        type="button",
                        variant="primary",
                        hx_post=str(
                            request.url_for("customers:restore", id=customer.id)
                        ),
                        hx_target="#modal",
                    ):
                        text("Restore")


@router.api_route(
    "/{id}/revoke_benefits", name="customers:revoke_benefits", methods=["GET", "POST"]
)
async def revoke_benefits(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(id)

    if customer is None:
        raise HTTPException(status_code=404)

    if request.method == "POST":
        enqueue_job("benefit.revoke_customer", customer_id=customer.id)

        await add_toast(
            request,
            f"Benefit revocation task enqueued for {customer.display_name}.",
            "success",
        )

        with tag.div(hx_redirect=str(request.url_for("customers:get", id=customer.id))):
            pass
        return

    # GET method - show confirmation modal
    with modal("Revoke Benefits", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    f"Are you sure you want to revoke all benefits for {customer.display_name}? "
                    "This will revoke all currently granted benefits for this customer."
                )

            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(method="dialog"):
                    with button(
                        type="button",
                        variant="primary",
                        hx_post=str(
                            request.url_for("customers:revoke_benefits", id=customer.id)
                        ),
                        hx_target="#modal",
                    ):
                        text("Revoke")


@router.api_route(
    "/{id}/edit_email", name="customers:edit_email", methods=["GET", "POST"]
)
async def edit_email(
    request: Request,
    id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> Any:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(id)

    if customer is None:
        raise HTTPException(status_code=404)

    validation_error: ValidationError | None = None
    error_message: str | None = None

    if request.method == "POST":
        form_data = await request.form()
        try:
            form = UpdateCustomerEmailForm.model_validate_form(form_data)
            customer_update = CustomerUpdate(email=form.email)
            await customer_service.update(session, customer, customer_update)

            await add_toast(
                request,
                f"Customer email updated to {form.email}.",
                "success",
            )

            return HXRedirectResponse(
                request, str(request.url_for("customers:get", id=customer.id))
            )
        except ValidationError as e:
            validation_error = e
        except PolarRequestValidationError as e:
            error_message = "; ".join(err["msg"] for err in e.errors())

    # GET or failed POST - show the form modal
    with document() as doc:
        with tag.div(id="modal"):
            with modal("Edit Customer Email", open=True):
                if error_message:
                    with tag.div(classes="alert alert-error mb-4"):
                        with tag.p(classes="text-sm"):
                            text(error_message)

                with UpdateCustomerEmailForm.render(
                    data={"email": customer.email},
                    validation_error=validation_error,
                    method="POST",
                    hx_post=str(
                        request.url_for("customers:edit_email", id=customer.id)
                    ),
                    hx_target="#modal",
                ):
                    with tag.div(classes="modal-action"):
                        with tag.form(method="dialog"):
                            with button(ghost=True):
                                text("Cancel")
                        with button(type="submit", variant="primary"):
                            text("Update Email")

    return HTMLResponse(str(doc))


@router.api_route(
    "/{id}/subscriptions/{subscription_id}/grant_benefits",
    name="customers:grant_benefits_subscription",
    methods=["GET", "POST"],
)
async def grant_benefits_subscription(
    request: Request,
    id: UUID4,
    subscription_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(id)
    if customer is None:
        raise HTTPException(status_code=404)

    subscription_repository = SubscriptionRepository.from_session(session)
    subscription_statement = subscription_repository.get_base_statement().where(
        Subscription.id == subscription_id,
        Subscription.customer_id == customer.id,
    )
    subscription = await subscription_repository.get_one_or_none(subscription_statement)
    if subscription is None:
        raise HTTPException(status_code=404)

    if request.method == "POST":
        enqueue_job(
            "benefit.enqueue_benefits_grants",
            task="grant",
            customer_id=customer.id,
            product_id=subscription.product_id,
            subscription_id=subscription.id,
        )
        await add_toast(
            request,
            f"Benefits grant task enqueued for {customer.display_name}.",
            "success",
        )
        with tag.div(hx_redirect=str(request.url_for("customers:get", id=customer.id))):
            pass
        return

    with modal("Grant Benefits", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    f"Grant benefits for {customer.display_name} "
                    f"on subscription {subscription_id}? "
                    "This will enqueue benefit grants for this subscription."
                )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(method="dialog"):
                    with button(
                        type="button",
                        variant="primary",
                        hx_post=str(
                            request.url_for(
                                "customers:grant_benefits_subscription",
                                id=customer.id,
                                subscription_id=subscription_id,
                            )
                        ),
                        hx_target="#modal",
                    ):
                        text("Grant")


@router.api_route(
    "/{id}/orders/{order_id}/grant_benefits",
    name="customers:grant_benefits_order",
    methods=["GET", "POST"],
)
async def grant_benefits_order(
    request: Request,
    id: UUID4,
    order_id: UUID4,
    session: AsyncSession = Depends(get_db_session),
) -> None:
    customer_repository = CustomerRepository.from_session(session)
    customer = await customer_repository.get_by_id(id)
    if customer is None:
        raise HTTPException(status_code=404)

    order_repository = OrderRepository.from_session(session)
    order_statement = order_repository.get_base_statement().where(
        Order.id == order_id, Order.customer_id == customer.id
    )
    order = await order_repository.get_one_or_none(order_statement)
    if order is None:
        raise HTTPException(status_code=404)

    if order.subscription_id is not None:
        raise HTTPException(
            status_code=400,
            detail="Cannot grant benefits for subscription-linked orders directly",
        )

    if order.product_id is None:
        raise HTTPException(status_code=400, detail="Order has no associated product")

    if request.method == "POST":
        enqueue_job(
            "benefit.enqueue_benefits_grants",
            task="grant",
            customer_id=customer.id,
            product_id=order.product_id,
            order_id=order.id,
        )
        await add_toast(
            request,
            f"Benefits grant task enqueued for {customer.display_name}.",
            "success",
        )
        with tag.div(hx_redirect=str(request.url_for("customers:get", id=customer.id))):
            pass
        return

    with modal("Grant Benefits", open=True):
        with tag.div(classes="flex flex-col gap-4"):
            with tag.p():
                text(
                    f"Grant benefits for {customer.display_name} "
                    f"on order {order_id}? "
                    "This will enqueue benefit grants for this order."
                )
            with tag.div(classes="modal-action"):
                with tag.form(method="dialog"):
                    with button(ghost=True):
                        text("Cancel")
                with tag.form(method="dialog"):
                    with button(
                        type="button",
                        variant="primary",
                        hx_post=str(
                            request.url_for(
                                "customers:grant_benefits_order",
                                id=customer.id,
                                order_id=order_id,
                            )
                        ),
                        hx_target="#modal",
                    ):
                        text("Grant")

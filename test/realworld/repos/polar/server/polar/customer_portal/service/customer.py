from collections.abc import Sequence
from typing import TYPE_CHECKING, cast
from uuid import UUID

import stripe as stripe_lib

from polar.auth.models import AuthSubject, Customer, Member
from polar.customer.repository import CustomerRepository
from polar.exceptions import PolarError, PolarRequestValidationError
from polar.integrations.stripe.service import stripe as stripe_service
from polar.integrations.stripe.utils import get_expandable_id
from polar.kit.http import add_query_parameters
from polar.kit.pagination import PaginationParams
from polar.models import Customer as CustomerModel
from polar.models import PaymentMethod
from polar.order.service import order as order_service
from polar.payment_method.repository import PaymentMethodRepository
from polar.payment_method.service import payment_method as payment_method_service
from polar.postgres import AsyncSession
from polar.tax.tax_id import (
    IncompatibleTaxIDFormat,
    InvalidTaxID,
    to_stripe_tax_id,
    validate_tax_id,
)

from ..repository.payment_method import CustomerPaymentMethodRepository
from ..schemas.customer import (
    CustomerPaymentMethodConfirm,
    CustomerPaymentMethodCreate,
    CustomerPaymentMethodCreateRequiresActionResponse,
    CustomerPaymentMethodCreateResponse,
    CustomerPaymentMethodCreateSucceededResponse,
    CustomerPortalCustomerUpdate,
)

if TYPE_CHECKING:
    from stripe.params._customer_create_params import (
        CustomerCreateParams,
        CustomerCreateParamsTaxIdDatum,
    )
    from stripe.params._modify_customer_params import ModifyCustomerParams


class CustomerError(PolarError): ...


class CustomerNotReady(CustomerError):
    def __init__(self, customer: CustomerModel) -> None:
        self.customer = customer
        super().__init__("Customer is not ready for this operation.", 403)


class PaymentMethodSetupFailed(CustomerError):
    def __init__(self, error_message: str | None) -> None:
        self.error_message = error_message
        detail = (
            f"Could not add this payment method{f': {error_message}' if error_message else '.'} "
            "Please try again with a different card."
        )
        super().__init__(detail, 400)


class CustomerService:
    async def update(
        self,
        session: AsyncSession,
        customer: CustomerModel,
        customer_update: CustomerPortalCustomerUpdate,
    ) -> CustomerModel:
        if customer_update.billing_name is not None:
            customer.billing_name = customer_update.billing_name

        if "billing_address" in customer_update.model_fields_set:
            if customer_update.billing_address is None:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "missing",
                            "loc": ("body", "billing_address"),
                            "msg": "Customer billing address cannot be reset to null once set.",
                            "input": customer_update.billing_address,
                        }
                    ]
                )
            else:
                customer.billing_address = customer_update.billing_address

        new_default_payment_method: PaymentMethod | None = None
        if "default_payment_method_id" in customer_update.model_fields_set:
            if customer_update.default_payment_method_id is None:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "missing",
                            "loc": ("body", "default_payment_method_id"),
                            "msg": "Default payment method cannot be reset to null.",
                            "input": customer_update.default_payment_method_id,
                        }
                    ]
                )
            payment_method_repository = PaymentMethodRepository.from_session(session)
            new_default_payment_method = (
                await payment_method_repository.get_by_id_and_customer(
                    customer_update.default_payment_method_id, customer.id
                )
            )
            if new_default_payment_method is None:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "invalid",
                            "loc": ("body", "default_payment_method_id"),
                            "msg": "Payment method not found.",
                            "input": str(customer_update.default_payment_method_id),
                        }
                    ]
                )

        if "tax_id" in customer_update.model_fields_set:
            if customer_update.tax_id is None:
                # Explicitly clearing the tax ID.
                customer.tax_id = None
            else:
                # A new tax ID value was provided; validate it against the
                # (possibly updated) billing address country. By this point
                # `customer.billing_address` already reflects any update
                # applied above.
                if customer.billing_address is None:
                    raise PolarRequestValidationError(
                        [
                            {
                                "type": "missing",
                                "loc": ("body", "billing_address"),
                                "msg": "Country is required to validate tax ID.",
                                "input": None,
                            }
                        ]
                    )
                try:
                    customer.tax_id = validate_tax_id(
                        customer_update.tax_id, customer.billing_address.country
                    )
                except InvalidTaxID as e:
                    raise PolarRequestValidationError(
                        [
                            {
                                "type": "invalid",
                                "loc": ("body", "tax_id"),
                                "msg": "Invalid tax ID.",
                                "input": customer_update.tax_id,
                            }
                        ]
                    ) from e
        elif (
            "billing_address" in customer_update.model_fields_set
            and customer.tax_id is not None
        ):
            # Billing address changed while an existing tax ID is set:
            # re-validate the existing tax ID against the new country.
            # `customer.billing_address` was updated in-place above.
            if customer.billing_address is None:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "missing",
                            "loc": ("body", "billing_address"),
                            "msg": "Country is required to validate tax ID.",
                            "input": None,
                        }
                    ]
                )
            try:
                customer.tax_id = validate_tax_id(
                    customer.tax_id[0], customer.billing_address.country
                )
            except InvalidTaxID as e:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "invalid",
                            "loc": ("body", "tax_id"),
                            "msg": "Invalid tax ID.",
                            "input": customer.tax_id[0],
                        }
                    ]
                ) from e

        repository = CustomerRepository.from_session(session)
        customer = await repository.update(
            customer,
            update_dict=customer_update.model_dump(
                exclude_unset=True,
                exclude={
                    "billing_name",
                    "billing_address",
                    "tax_id",
                    "default_payment_method_id",
                },
            ),
        )

        if new_default_payment_method is not None:
            customer = await repository.update(
                customer,
                update_dict={"default_payment_method": new_default_payment_method},
            )

        if customer.stripe_customer_id is not None:
            params: ModifyCustomerParams = {"email": customer.email}
            if customer.billing_name is not None and customer.name is None:
                params["name"] = customer.billing_name
            if customer.billing_address is not None:
                params["address"] = customer.billing_address.to_dict()
            if new_default_payment_method is not None:
                params["invoice_settings"] = {
                    "default_payment_method": new_default_payment_method.processor_id,
                }
            stripe_tax_id: CustomerCreateParamsTaxIdDatum | None = None
            if customer.tax_id is not None:
                try:
                    stripe_tax_id = to_stripe_tax_id(customer.tax_id)
                except IncompatibleTaxIDFormat:
                    stripe_tax_id = None
            await stripe_service.update_customer(
                customer.stripe_customer_id, tax_id=stripe_tax_id, **params
            )

        if new_default_payment_method is not None:
            await order_service.schedule_retry_for_past_due_orders(
                session, customer, new_default_payment_method
            )

        return customer

    async def list_payment_methods(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[Customer | Member],
        *,
        pagination: PaginationParams,
    ) -> tuple[Sequence[PaymentMethod], int]:
        repository = CustomerPaymentMethodRepository.from_session(session)
        statement = repository.get_readable_statement(auth_subject).order_by(
            PaymentMethod.created_at.desc()
        )
        return await repository.paginate(
            statement, limit=pagination.limit, page=pagination.page
        )

    async def get_payment_method(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[Customer | Member],
        id: UUID,
    ) -> PaymentMethod | None:
        repository = CustomerPaymentMethodRepository.from_session(session)
        statement = repository.get_readable_statement(auth_subject).where(
            PaymentMethod.id == id
        )
        return await repository.get_one_or_none(statement)

    async def add_payment_method(
        self,
        session: AsyncSession,
        customer: CustomerModel,
        payment_method_create: CustomerPaymentMethodCreate,
    ) -> CustomerPaymentMethodCreateResponse:
        if customer.stripe_customer_id is None:
            params: CustomerCreateParams = {}
            if customer.email is not None:
                params["email"] = customer.email
            if customer.name is not None:
                params["name"] = customer.name
            if customer.billing_address is not None:
                params["address"] = customer.billing_address.to_dict()  # type: ignore
            if customer.tax_id is not None:
                try:
                    params["tax_id_data"] = [to_stripe_tax_id(customer.tax_id)]
                except IncompatibleTaxIDFormat:
                    pass
            stripe_customer = await stripe_service.create_customer(**params)
            repository = CustomerRepository.from_session(session)
            customer = await repository.update(
                customer, update_dict={"stripe_customer_id": stripe_customer.id}
            )
            assert customer.stripe_customer_id is not None

        try:
            setup_intent = await stripe_service.create_setup_intent(
                automatic_payment_methods={"enabled": True},
                customer=customer.stripe_customer_id,
                metadata={
                    "organization_id": str(customer.organization_id),
                    "customer_id": str(customer.id),
                },
                payment_method_options={
                    "klarna": {"currency": "usd"},
                },
            )
            return_url = add_query_parameters(
                payment_method_create.return_url,
                polar_setup_intent=setup_intent.id,
            )
            setup_intent = await stripe_service.confirm_setup_intent(
                setup_intent.id,
                confirmation_token=payment_method_create.confirmation_token_id,
                return_url=return_url,
                expand=["payment_method"],
            )
        except stripe_lib.CardError as e:
            raise PaymentMethodSetupFailed(e.user_message) from e

        return await self._save_payment_method(
            session,
            customer,
            setup_intent,
            set_default=payment_method_create.set_default,
        )

    async def confirm_payment_method(
        self,
        session: AsyncSession,
        customer: CustomerModel,
        payment_method_confirm: CustomerPaymentMethodConfirm,
    ) -> CustomerPaymentMethodCreateResponse:
        if customer.stripe_customer_id is None:
            raise CustomerNotReady(customer)

        try:
            setup_intent = await stripe_service.get_setup_intent(
                payment_method_confirm.setup_intent_id,
                expand=["payment_method"],
            )
        except stripe_lib.InvalidRequestError as e:
            raise PolarRequestValidationError(
                [
                    {
                        "type": "invalid",
                        "loc": ("body", "setup_intent_id"),
                        "msg": "Invalid setup_intent_id.",
                        "input": payment_method_confirm.setup_intent_id,
                    }
                ]
            ) from e

        if (
            setup_intent.customer is None
            or get_expandable_id(setup_intent.customer) != customer.stripe_customer_id
        ):
            raise PolarRequestValidationError(
                [
                    {
                        "type": "invalid",
                        "loc": ("body", "setup_intent_id"),
                        "msg": "Invalid setup_intent_id.",
                        "input": payment_method_confirm.setup_intent_id,
                    }
                ]
            )

        if setup_intent.status not in ("succeeded", "requires_action"):
            raise PolarRequestValidationError(
                [
                    {
                        "type": "invalid",
                        "loc": ("body", "setup_intent_id"),
                        "msg": "Invalid setup_intent_id.",
                        "input": payment_method_confirm.setup_intent_id,
                    }
                ]
            )

        return await self._save_payment_method(
            session,
            customer,
            setup_intent,
            set_default=payment_method_confirm.set_default,
        )

    async def _save_payment_method(
        self,
        session: AsyncSession,
        customer: CustomerModel,
        setup_intent: stripe_lib.SetupIntent,
        set_default: bool,
    ) -> CustomerPaymentMethodCreateResponse:
        assert customer.stripe_customer_id is not None

        if setup_intent.status == "requires_action":
            assert setup_intent.client_secret is not None
            return CustomerPaymentMethodCreateRequiresActionResponse(
                status="requires_action",
                client_secret=setup_intent.client_secret,
            )

        if set_default:
            if setup_intent.payment_method is None:
                raise PolarRequestValidationError(
                    [
                        {
                            "type": "invalid",
                            "loc": ("body", "setup_intent_id"),
                            "msg": "Invalid setup_intent_id.",
                            "input": str(setup_intent.id),
                        }
                    ]
                )
            await stripe_service.update_customer(
                customer.stripe_customer_id,
                invoice_settings={
                    "default_payment_method": get_expandable_id(
                        setup_intent.payment_method
                    )
                },
            )

        payment_method = await payment_method_service.upsert_from_stripe(
            session,
            customer,
            cast(stripe_lib.PaymentMethod, setup_intent.payment_method),
            flush=True,
        )
        if set_default:
            repository = CustomerRepository.from_session(session)
            customer = await repository.update(
                customer, update_dict={"default_payment_method": payment_method}
            )
            await order_service.schedule_retry_for_past_due_orders(
                session, customer, payment_method
            )

        return CustomerPaymentMethodCreateSucceededResponse.model_validate(
            {
                "status": "succeeded",
                "payment_method": payment_method,
            }
        )

    async def delete_payment_method(
        self, session: AsyncSession, payment_method: PaymentMethod
    ) -> None:
        # Get the customer before deletion to trigger webhooks
        customer_repository = CustomerRepository.from_session(session)
        customer = await customer_repository.get_by_id(payment_method.customer_id)
        assert customer is not None

        await payment_method_service.delete(session, payment_method)

        # Trigger customer update webhooks
        # This ensures customer.updated and customer.state_changed events are sent
        await customer_repository.update(customer, flush=True)


customer = CustomerService()

import uuid
from datetime import UTC, datetime

import pytest

from polar.auth.models import AuthSubject
from polar.customer_portal.schemas.subscription import (
    CustomerSubscriptionChangePreviewProduct,
    CustomerSubscriptionPause,
    CustomerSubscriptionResume,
    CustomerSubscriptionUpdateClear,
    CustomerSubscriptionUpdateProduct,
    CustomerSubscriptionUpdateSeats,
)
from polar.customer_portal.service.subscription import (
    PauseResumeNotAllowed,
    PaymentMethodRequired,
    UpdateSubscriptionPlanNotAllowed,
    UpdateSubscriptionSeatsNotAllowed,
)
from polar.customer_portal.service.subscription import (
    customer_subscription as customer_subscription_service,
)
from polar.enums import SubscriptionProrationBehavior
from polar.exceptions import PolarRequestValidationError
from polar.kit.pagination import PaginationParams
from polar.models import (
    Customer,
    Organization,
    Product,
    ProductPriceFixed,
    Subscription,
)
from polar.models.subscription import CustomerCancellationReason, SubscriptionStatus
from polar.postgres import AsyncSession
from polar.subscription.service import AlreadyCanceledSubscription
from polar.subscription.update import generate_subscription_update
from tests.fixtures.auth import AuthSubjectFixture
from tests.fixtures.database import SaveFixture
from tests.fixtures.random_objects import (
    create_active_subscription,
    create_payment_method,
    create_product,
    create_subscription,
)


@pytest.mark.asyncio
class TestList:
    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_valid(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        customer: Customer,
        customer_second: Customer,
        product: Product,
        product_second: Product,
    ) -> None:
        await create_active_subscription(
            save_fixture,
            product=product,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )
        await create_active_subscription(
            save_fixture,
            product=product_second,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )
        await create_active_subscription(
            save_fixture,
            product=product,
            customer=customer_second,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )

        results, count = await customer_subscription_service.list(
            session,
            auth_subject,
            pagination=PaginationParams(1, 10),
        )

        assert len(results) == 2
        assert count == 2

    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_query_filters_by_product_name(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
    ) -> None:
        from polar.enums import SubscriptionRecurringInterval

        product_match = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="Premium Subscription",
        )
        product_no_match = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="Basic Plan",
        )
        await create_active_subscription(
            save_fixture,
            product=product_match,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )
        await create_active_subscription(
            save_fixture,
            product=product_no_match,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )

        results, count = await customer_subscription_service.list(
            session, auth_subject, query="Premium", pagination=PaginationParams(1, 10)
        )

        assert count == 1
        assert results[0].product.name == "Premium Subscription"

    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_query_escapes_percent_character(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
    ) -> None:
        """Test that % in query is treated as literal, not wildcard."""
        from polar.enums import SubscriptionRecurringInterval

        product_with_percent = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="50% Off Subscription",
        )
        product_without_percent = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="Half Price Subscription",
        )
        await create_active_subscription(
            save_fixture,
            product=product_with_percent,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )
        await create_active_subscription(
            save_fixture,
            product=product_without_percent,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )

        results, count = await customer_subscription_service.list(
            session, auth_subject, query="50%", pagination=PaginationParams(1, 10)
        )

        assert count == 1
        assert results[0].product.name == "50% Off Subscription"

    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_query_escapes_underscore_character(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        customer: Customer,
    ) -> None:
        """Test that _ in query is treated as literal, not single-char wildcard."""
        from polar.enums import SubscriptionRecurringInterval

        product_with_underscore = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="Pro_Plan",
        )
        product_without_underscore = await create_product(
            save_fixture,
            organization=organization,
            recurring_interval=SubscriptionRecurringInterval.month,
            name="ProXPlan",
        )
        await create_active_subscription(
            save_fixture,
            product=product_with_underscore,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )
        await create_active_subscription(
            save_fixture,
            product=product_without_underscore,
            customer=customer,
            started_at=datetime(2023, 1, 1, tzinfo=UTC),
            ended_at=datetime(2023, 6, 15, tzinfo=UTC),
        )

        results, count = await customer_subscription_service.list(
            session, auth_subject, query="Pro_Plan", pagination=PaginationParams(1, 10)
        )

        assert count == 1
        assert results[0].product.name == "Pro_Plan"


@pytest.mark.asyncio
class TestUpdate:
    async def test_not_existing_product(
        self, session: AsyncSession, subscription: Subscription
    ) -> None:
        with pytest.raises(PolarRequestValidationError):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionUpdateProduct(product_id=uuid.uuid4()),
            )

    async def test_not_recurring_product(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        subscription: Subscription,
    ) -> None:
        product = await create_product(
            save_fixture, organization=organization, recurring_interval=None
        )
        with pytest.raises(PolarRequestValidationError):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionUpdateProduct(product_id=product.id),
            )

    async def test_extraneous_tier(
        self,
        session: AsyncSession,
        subscription: Subscription,
        product_organization_second: Product,
    ) -> None:
        with pytest.raises(PolarRequestValidationError):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionUpdateProduct(
                    product_id=product_organization_second.id
                ),
            )

    async def test_update_not_allowed(
        self,
        save_fixture: SaveFixture,
        session: AsyncSession,
        subscription: Subscription,
        product_second: Product,
        organization: Organization,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                "update_seats": False,
                "update_plan": False,
            },
        }
        await save_fixture(organization)

        with pytest.raises(UpdateSubscriptionPlanNotAllowed):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionUpdateProduct(product_id=product_second.id),
            )

        with pytest.raises(UpdateSubscriptionSeatsNotAllowed):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionUpdateSeats(seats=100),
            )

    async def test_preview_change_not_allowed(
        self,
        save_fixture: SaveFixture,
        session: AsyncSession,
        subscription: Subscription,
        product_second: Product,
        organization: Organization,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {"update_seats": False, "update_plan": False},
        }
        await save_fixture(organization)

        with pytest.raises(UpdateSubscriptionPlanNotAllowed):
            await customer_subscription_service.preview_change(
                session,
                subscription,
                change=CustomerSubscriptionChangePreviewProduct(
                    product_id=product_second.id
                ),
            )

    @pytest.mark.keep_session_state
    async def test_valid(
        self,
        session: AsyncSession,
        subscription: Subscription,
        product: Product,
        product_second: Product,
    ) -> None:
        new_price = product_second.prices[0]
        updated_subscription = await customer_subscription_service.update(
            session,
            subscription,
            updates=CustomerSubscriptionUpdateProduct(product_id=product_second.id),
        )

        assert isinstance(new_price, ProductPriceFixed)
        assert updated_subscription.product == product_second
        assert updated_subscription.prices == product_second.prices
        assert updated_subscription.amount == new_price.price_amount
        assert (
            updated_subscription.recurring_interval == product_second.recurring_interval
        )


@pytest.mark.asyncio
class TestCancel:
    @pytest.mark.auth
    async def test_already_canceled(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        subscription: Subscription,
        product: Product,
        customer: Customer,
    ) -> None:
        subscription = await create_subscription(
            save_fixture,
            product=product,
            customer=customer,
            status=SubscriptionStatus.canceled,
        )

        with pytest.raises(AlreadyCanceledSubscription):
            await customer_subscription_service.cancel(session, subscription)

    @pytest.mark.auth
    async def test_cancel_at_period_end(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        subscription: Subscription,
        product: Product,
        customer: Customer,
    ) -> None:
        subscription = await create_active_subscription(
            save_fixture, product=product, customer=customer
        )
        subscription.cancel_at_period_end = True
        await save_fixture(subscription)

        with pytest.raises(AlreadyCanceledSubscription):
            await customer_subscription_service.cancel(session, subscription)

    @pytest.mark.auth
    async def test_valid(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        product: Product,
        customer: Customer,
    ) -> None:
        subscription = await create_active_subscription(
            save_fixture,
            product=product,
            customer=customer,
        )

        updated_subscription = await customer_subscription_service.cancel(
            session,
            subscription,
            reason=CustomerCancellationReason.too_complex,
            comment="So many settings",
        )

        assert updated_subscription.id == subscription.id
        assert updated_subscription.status == SubscriptionStatus.active
        assert updated_subscription.ended_at is None
        assert updated_subscription.cancel_at_period_end
        assert updated_subscription.ends_at == updated_subscription.current_period_end


@pytest.mark.asyncio
class TestClearPendingUpdate:
    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_clear_pending_product_update(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        customer: Customer,
        product: Product,
        product_second: Product,
    ) -> None:

        subscription = await create_active_subscription(
            save_fixture,
            product=product,
            customer=customer,
        )
        subscription_update, _ = generate_subscription_update(
            subscription,
            SubscriptionProrationBehavior.next_period,
            product=product_second,
        )
        await save_fixture(subscription_update)
        subscription.pending_update = subscription_update
        await save_fixture(subscription)

        updates = CustomerSubscriptionUpdateClear(pending_update=None)
        updated = await customer_subscription_service.update(
            session, subscription, updates=updates
        )
        await save_fixture(updated)

        assert updated.pending_update is None

    @pytest.mark.auth(AuthSubjectFixture(subject="customer"))
    async def test_clear_pending_update_no_pending(
        self,
        auth_subject: AuthSubject[Customer],
        session: AsyncSession,
        save_fixture: SaveFixture,
        customer: Customer,
        product: Product,
    ) -> None:

        subscription = await create_active_subscription(
            save_fixture,
            product=product,
            customer=customer,
        )

        updates = CustomerSubscriptionUpdateClear(pending_update=None)

        with pytest.raises(PolarRequestValidationError) as exc_info:
            await customer_subscription_service.update(
                session, subscription, updates=updates
            )

        errors = exc_info.value.errors()
        assert len(errors) == 1
        assert errors[0]["type"] == "value_error"
        assert errors[0]["loc"] == ("body", "pending_update")
        assert "no pending update" in errors[0]["msg"]


@pytest.mark.asyncio
class TestUpdatePause:
    async def test_pause_not_allowed(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        product: Product,
        customer: Customer,
    ) -> None:
        subscription = await create_active_subscription(
            save_fixture, product=product, customer=customer
        )

        with pytest.raises(PauseResumeNotAllowed):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionPause(pause_at_period_end=True),
            )

    async def test_pause_allowed(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        product: Product,
        customer: Customer,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                **organization.customer_portal_settings["subscription"],
                "pause": True,
            },
        }
        await save_fixture(organization)
        subscription = await create_active_subscription(
            save_fixture, product=product, customer=customer
        )

        updated = await customer_subscription_service.update(
            session,
            subscription,
            updates=CustomerSubscriptionPause(pause_at_period_end=True),
        )

        assert updated.pause_at_period_end is True

    async def test_resume_not_allowed(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        product: Product,
        customer: Customer,
    ) -> None:
        subscription = await create_subscription(
            save_fixture,
            product=product,
            customer=customer,
            status=SubscriptionStatus.paused,
        )

        with pytest.raises(PauseResumeNotAllowed):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionResume(resume=True),
            )

    async def test_resume_without_payment_method(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        product: Product,
        customer: Customer,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                **organization.customer_portal_settings["subscription"],
                "pause": True,
            },
        }
        await save_fixture(organization)
        subscription = await create_subscription(
            save_fixture,
            product=product,
            customer=customer,
            status=SubscriptionStatus.paused,
        )

        with pytest.raises(PaymentMethodRequired):
            await customer_subscription_service.update(
                session,
                subscription,
                updates=CustomerSubscriptionResume(resume=True),
            )

    async def test_resume_free_subscription_without_payment_method(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        product_recurring_free_price: Product,
        customer: Customer,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                **organization.customer_portal_settings["subscription"],
                "pause": True,
            },
        }
        await save_fixture(organization)
        subscription = await create_subscription(
            save_fixture,
            product=product_recurring_free_price,
            customer=customer,
            status=SubscriptionStatus.paused,
        )

        updated = await customer_subscription_service.update(
            session,
            subscription,
            updates=CustomerSubscriptionResume(resume=True),
        )

        assert updated.status == SubscriptionStatus.active

    async def test_resume_without_payment_method_renewals_disabled(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        product: Product,
        customer: Customer,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                **organization.customer_portal_settings["subscription"],
                "pause": True,
            },
        }
        organization.capabilities = {
            **organization.capabilities,
            "subscription_renewals": False,
        }
        await save_fixture(organization)
        subscription = await create_subscription(
            save_fixture,
            product=product,
            customer=customer,
            status=SubscriptionStatus.paused,
        )

        updated = await customer_subscription_service.update(
            session,
            subscription,
            updates=CustomerSubscriptionResume(resume=True),
        )

        assert updated.status == SubscriptionStatus.paused

    async def test_resume_allowed(
        self,
        session: AsyncSession,
        save_fixture: SaveFixture,
        organization: Organization,
        product: Product,
        customer: Customer,
    ) -> None:
        organization.customer_portal_settings = {
            **organization.customer_portal_settings,
            "subscription": {
                **organization.customer_portal_settings["subscription"],
                "pause": True,
            },
        }
        await save_fixture(organization)
        await create_payment_method(save_fixture, customer)
        subscription = await create_subscription(
            save_fixture,
            product=product,
            customer=customer,
            status=SubscriptionStatus.paused,
        )

        updated = await customer_subscription_service.update(
            session,
            subscription,
            updates=CustomerSubscriptionResume(resume=True),
        )

        assert updated.status == SubscriptionStatus.active

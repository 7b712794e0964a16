from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import joinedload

from polar.authz.types import AccessibleOrganizationID
from polar.kit.repository import RepositoryBase
from polar.kit.repository.base import Options
from polar.models import (
    CustomerSeat,
    Order,
    Product,
    Subscription,
)
from polar.models.customer_seat import SeatStatus
from polar.order.repository import OrderRepository
from polar.subscription.repository import SubscriptionRepository

SeatContainer = Subscription | Order


class CustomerSeatRepository(RepositoryBase[CustomerSeat]):
    model = CustomerSeat

    async def list_by_container(
        self, container: SeatContainer, *, options: Options = ()
    ) -> Sequence[CustomerSeat]:
        """List seats for a subscription or order."""
        if isinstance(container, Subscription):
            return await self.list_by_subscription_id(container.id, options=options)
        else:
            return await self.list_by_order_id(container.id, options=options)

    async def get_available_seats_count_for_container(
        self, container: SeatContainer
    ) -> int:
        """Get available seats count for a subscription or order."""
        if isinstance(container, Subscription):
            return await self.get_available_seats_count(container.id)
        else:
            return await self.get_available_seats_count_for_order(container.id)

    async def get_by_container_and_customer(
        self,
        container: SeatContainer,
        customer_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        if isinstance(container, Subscription):
            return await self.get_by_subscription_and_customer(
                container.id, customer_id, options=options
            )
        else:
            return await self.get_by_order_and_customer(
                container.id, customer_id, options=options
            )

    async def get_by_container_and_email(
        self,
        container: SeatContainer,
        email: str,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get seat by container and email (for member_model_enabled path)."""
        if isinstance(container, Subscription):
            return await self.get_by_subscription_and_email(
                container.id, email, options=options
            )
        else:
            return await self.get_by_order_and_email(
                container.id, email, options=options
            )

    async def get_by_subscription_and_email(
        self,
        subscription_id: UUID,
        email: str,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get seat by subscription ID and email."""
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.subscription_id == subscription_id,
                func.lower(CustomerSeat.email) == email.lower(),
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_by_order_and_email(
        self,
        order_id: UUID,
        email: str,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get seat by order ID and email."""
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.order_id == order_id,
                func.lower(CustomerSeat.email) == email.lower(),
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_revoked_seat_by_container(
        self,
        container: SeatContainer,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        if isinstance(container, Subscription):
            return await self.get_revoked_seat_by_subscription(
                container.id, options=options
            )
        else:
            return await self.get_revoked_seat_by_order(container.id, options=options)

    async def list_by_subscription_id(
        self, subscription_id: UUID, *, options: Options = ()
    ) -> Sequence[CustomerSeat]:
        statement = (
            select(CustomerSeat)
            .where(CustomerSeat.subscription_id == subscription_id)
            .options(*options)
        )
        return await self.get_all(statement)

    async def list_by_order_id(
        self, order_id: UUID, *, options: Options = ()
    ) -> Sequence[CustomerSeat]:
        statement = (
            select(CustomerSeat)
            .where(CustomerSeat.order_id == order_id)
            .options(*options)
        )
        return await self.get_all(statement)

    async def get_by_invitation_token(
        self, token: str, *, options: Options = ()
    ) -> CustomerSeat | None:
        statement = (
            select(CustomerSeat)
            .where(CustomerSeat.invitation_token == token)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def count_assigned_seats_for_subscription(self, subscription_id: UUID) -> int:
        statement = select(func.count(CustomerSeat.id)).where(
            CustomerSeat.subscription_id == subscription_id,
            CustomerSeat.status.in_([SeatStatus.pending, SeatStatus.claimed]),
        )
        result = await self.session.execute(statement)
        return result.scalar_one()

    async def get_available_seats_count(self, subscription_id: UUID) -> int:
        subscription_statement = select(Subscription).where(
            Subscription.id == subscription_id
        )
        subscription_repository = SubscriptionRepository.from_session(self.session)
        subscription = await subscription_repository.get_one_or_none(
            subscription_statement
        )

        if not subscription or subscription.seats is None:
            return 0
        claimed_statement = select(CustomerSeat).where(
            CustomerSeat.subscription_id == subscription_id,
            CustomerSeat.status.in_([SeatStatus.claimed, SeatStatus.pending]),
        )
        claimed_seats = await self.get_all(claimed_statement)

        return max(0, subscription.seats - len(claimed_seats))

    async def get_available_seats_count_for_order(self, order_id: UUID) -> int:
        order_repository = OrderRepository.from_session(self.session)
        order_statement = select(Order).where(Order.id == order_id)
        order = await order_repository.get_one_or_none(order_statement)

        if not order or order.seats is None:
            return 0

        claimed_statement = select(CustomerSeat).where(
            CustomerSeat.order_id == order_id,
            CustomerSeat.status.in_([SeatStatus.claimed, SeatStatus.pending]),
        )
        claimed_seats = await self.get_all(claimed_statement)

        return max(0, order.seats - len(claimed_seats))

    async def list_by_customer_id(
        self, customer_id: UUID, *, options: Options = ()
    ) -> Sequence[CustomerSeat]:
        statement = (
            select(CustomerSeat)
            .where(CustomerSeat.customer_id == customer_id)
            .options(*options)
        )
        return await self.get_all(statement)

    async def list_active_by_member_id(
        self, member_id: UUID, *, options: Options = ()
    ) -> Sequence[CustomerSeat]:
        """List active (pending or claimed) seats for a member."""
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.member_id == member_id,
                CustomerSeat.status.in_([SeatStatus.pending, SeatStatus.claimed]),
            )
            .options(*options)
        )
        return await self.get_all(statement)

    async def update_email_by_member_id(self, member_id: UUID, email: str) -> None:
        """Sync the email snapshot on the active seats connected to a member.

        Only seats with this member_id are touched, so seats with no member
        connected (member_id NULL) are left intact. Revoked seats already clear
        their member link so should not need to be altered.
        """
        await self.session.execute(
            update(CustomerSeat)
            .where(
                CustomerSeat.member_id == member_id,
                CustomerSeat.status.in_([SeatStatus.pending, SeatStatus.claimed]),
            )
            .values(email=email)
        )

    async def get_by_subscription_and_customer(
        self,
        subscription_id: UUID,
        customer_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.subscription_id == subscription_id,
                CustomerSeat.customer_id == customer_id,
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_by_order_and_customer(
        self,
        order_id: UUID,
        customer_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.order_id == order_id,
                CustomerSeat.customer_id == customer_id,
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_revoked_seat_by_subscription(
        self,
        subscription_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a revoked seat for a subscription that can be reused."""
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.subscription_id == subscription_id,
                CustomerSeat.status == SeatStatus.revoked,
            )
            .options(*options)
            .limit(1)
        )
        return await self.get_one_or_none(statement)

    async def get_revoked_seat_by_order(
        self,
        order_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a revoked seat for an order that can be reused."""
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.order_id == order_id,
                CustomerSeat.status == SeatStatus.revoked,
            )
            .options(*options)
            .limit(1)
        )
        return await self.get_one_or_none(statement)

    async def get_by_id(
        self,
        seat_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a seat by ID."""
        statement = (
            select(CustomerSeat).where(CustomerSeat.id == seat_id).options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_by_id_for_customer(
        self,
        seat_id: UUID,
        customer_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a seat by ID and verify it belongs to a subscription or order owned by the customer."""
        statement = (
            select(CustomerSeat)
            .outerjoin(Subscription, CustomerSeat.subscription_id == Subscription.id)
            .outerjoin(Order, CustomerSeat.order_id == Order.id)
            .where(
                CustomerSeat.id == seat_id,
                (
                    (Subscription.customer_id == customer_id)
                    | (Order.customer_id == customer_id)
                ),
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    def get_statement_by_org_ids(
        self, org_ids: set[AccessibleOrganizationID]
    ) -> Select[tuple[CustomerSeat]]:
        """
        Get a statement filtered by organization IDs.

        Seats are readable by users/organizations who have access to the product's organization.
        Handles both subscription-based and order-based seats.
        """

        statement = (
            self.get_base_statement()
            .outerjoin(Subscription, CustomerSeat.subscription_id == Subscription.id)
            .outerjoin(Order, CustomerSeat.order_id == Order.id)
            .outerjoin(
                Product,
                (Subscription.product_id == Product.id)
                | (Order.product_id == Product.id),
            )
        )

        statement = statement.where(Product.organization_id.in_(org_ids))

        return statement

    async def get_by_id_and_org_ids(
        self,
        org_ids: set[AccessibleOrganizationID],
        seat_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a seat by ID filtered by organization IDs."""
        statement = (
            self.get_statement_by_org_ids(org_ids)
            .where(CustomerSeat.id == seat_id)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_by_subscription_and_org_ids(
        self,
        org_ids: set[AccessibleOrganizationID],
        seat_id: UUID,
        subscription_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """Get a seat by ID and subscription ID filtered by organization IDs."""
        statement = (
            self.get_statement_by_org_ids(org_ids)
            .where(
                CustomerSeat.id == seat_id,
                CustomerSeat.subscription_id == subscription_id,
            )
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_active_seat_for_customer(
        self,
        customer_id: UUID,
        *,
        options: Options = (),
    ) -> CustomerSeat | None:
        """
        Get an active (claimed) seat for a customer.

        Used to determine if a customer is a seat holder and should have
        their usage charges routed to the billing manager's subscription.
        """
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.customer_id == customer_id,
                CustomerSeat.status == SeatStatus.claimed,
            )
            .options(*options)
            .limit(1)
        )
        return await self.get_one_or_none(statement)

    def get_eager_options(self) -> Options:
        return (
            joinedload(CustomerSeat.subscription).options(
                joinedload(Subscription.product).joinedload(Product.organization),
                joinedload(Subscription.customer),
            ),
            joinedload(CustomerSeat.order).options(
                joinedload(Order.product).joinedload(Product.organization),
                joinedload(Order.customer),
                joinedload(Order.organization),
            ),
            joinedload(CustomerSeat.customer),
            joinedload(CustomerSeat.member),
        )

    def get_claimed_by_product_via_subscriptions(
        self, product_id: UUID
    ) -> Select[tuple[CustomerSeat]]:
        """Get statement for claimed seats linked to a product via active subscriptions."""
        return (
            select(CustomerSeat)
            .join(Subscription, CustomerSeat.subscription_id == Subscription.id)
            .where(
                Subscription.product_id == product_id,
                ~Subscription.is_deleted,
                Subscription.active,
                CustomerSeat.status == SeatStatus.claimed,
                CustomerSeat.customer_id.is_not(None),
            )
        )

    def get_claimed_by_product_via_orders(
        self, product_id: UUID
    ) -> Select[tuple[CustomerSeat]]:
        """Get statement for claimed seats linked to a product via orders."""
        return (
            select(CustomerSeat)
            .join(Order, CustomerSeat.order_id == Order.id)
            .where(
                Order.product_id == product_id,
                ~Order.is_deleted,
                CustomerSeat.status == SeatStatus.claimed,
                CustomerSeat.customer_id.is_not(None),
            )
        )

    async def count_claimed_by_product_via_subscriptions(self, product_id: UUID) -> int:
        """Count claimed seats for a product via active subscriptions."""
        stmt = self.get_claimed_by_product_via_subscriptions(product_id)
        result = await self.session.execute(stmt.with_only_columns(func.count()))
        return result.scalar_one()

    async def count_claimed_by_product_via_orders(self, product_id: UUID) -> int:
        """Count claimed seats for a product via orders."""
        stmt = self.get_claimed_by_product_via_orders(product_id)
        result = await self.session.execute(stmt.with_only_columns(func.count()))
        return result.scalar_one()

    async def has_claimed_seat_for_product_via_orders(
        self, product_id: UUID, customer_id: UUID
    ) -> bool:
        """Whether a customer already holds a claimed seat for a product via orders.

        Used to avoid re-claiming a seat for a buyer who purchases the same
        one-time seat product more than once: each purchase mints a new order
        (a fresh seat container), so the per-container assignment guards can't
        see the seat claimed on a previous order.
        """
        stmt = (
            self.get_claimed_by_product_via_orders(product_id)
            .where(CustomerSeat.customer_id == customer_id)
            .with_only_columns(func.count())
        )
        result = await self.session.execute(stmt)
        return result.scalar_one() > 0

    def get_eager_options_with_prices(self) -> Options:
        return (
            *self.get_eager_options(),
            joinedload(CustomerSeat.subscription).joinedload(
                Subscription.subscription_product_prices
            ),
        )

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import contains_eager
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.strategy_options import joinedload, raiseload, selectinload

from polar.auth.models import (
    AuthSubject,
    Member,
    Organization,
    User,
    is_customer,
    is_member,
    is_organization,
    is_user,
)
from polar.auth.models import (
    Customer as AuthCustomer,
)
from polar.auth.permission import OrganizationPermission
from polar.authz.repository import select_accessible_org_ids
from polar.email.deduplication import (
    subscription_renewal_reminder_key_sql,
    subscription_trial_conversion_reminder_key_sql,
)
from polar.enums import SubscriptionRecurringInterval
from polar.kit.repository import (
    Options,
    RepositoryBase,
    RepositorySoftDeletionIDMixin,
    RepositorySoftDeletionMixin,
    RepositorySortingMixin,
    SortingClause,
)
from polar.models import (
    Customer,
    CustomerSeat,
    Discount,
    Product,
    ProductPrice,
    ProductPriceMeteredUnit,
    Subscription,
    SubscriptionMeter,
    SubscriptionProductPrice,
    SubscriptionUpdate,
)
from polar.models.customer_seat import SeatStatus
from polar.models.email_log import EmailLog, EmailLogStatus
from polar.models.subscription import SubscriptionStatus
from polar.product.guard import is_metered_price

from .sorting import SubscriptionSortProperty

if TYPE_CHECKING:
    from sqlalchemy.orm.strategy_options import _AbstractLoad


@dataclass
class CustomerSubscriptionProductPrice:
    """
    Result of looking up a customer's subscription product price for a meter.

    Contains the paying customer ID (which may be different from the queried customer
    if they are a seat holder) and the associated subscription product price.

    The full customer object can be accessed via subscription_product_price.subscription.customer.
    """

    customer_id: UUID
    subscription_product_price: SubscriptionProductPrice


class SubscriptionRepository(
    RepositorySortingMixin[Subscription, SubscriptionSortProperty],
    RepositorySoftDeletionIDMixin[Subscription, UUID],
    RepositorySoftDeletionMixin[Subscription],
    RepositoryBase[Subscription],
):
    model = Subscription

    async def list_active_by_customer(
        self, customer_id: UUID, *, options: Options = ()
    ) -> Sequence[Subscription]:
        statement = (
            self.get_base_statement()
            .where(
                Subscription.customer_id == customer_id,
                Subscription.active,
            )
            .options(*options)
        )
        return await self.get_all(statement)

    async def list_billable_by_customer(
        self, customer_id: UUID, *, options: Options = ()
    ) -> Sequence[Subscription]:
        statement = (
            self.get_base_statement()
            .where(
                Subscription.customer_id == customer_id,
                Subscription.status.in_(SubscriptionStatus.billable_statuses()),
                Subscription.ended_at.is_(None),
            )
            .options(*options)
        )
        return await self.get_all(statement)

    async def list_requiring_payment_method(
        self, payment_method_id: UUID, *, options: Options = ()
    ) -> Sequence[Subscription]:
        statement = (
            self.get_base_statement()
            .where(
                Subscription.payment_method_id == payment_method_id,
                Subscription.requires_payment_method,
                Subscription.ended_at.is_(None),
            )
            .options(*options)
        )
        return await self.get_all(statement)

    async def list_ids_requiring_payment_method(
        self, payment_method_id: UUID
    ) -> Sequence[UUID]:
        statement = (
            self.get_base_statement()
            .with_only_columns(Subscription.id)
            .where(
                Subscription.payment_method_id == payment_method_id,
                Subscription.requires_payment_method,
                Subscription.ended_at.is_(None),
            )
        )
        result = await self.session.execute(statement)
        return result.scalars().all()

    def get_billable_by_organization_statement(
        self, organization_id: UUID, *, options: Options = ()
    ) -> Select[tuple[Subscription]]:
        return (
            self.get_base_statement()
            .where(
                Subscription.organization_id == organization_id,
                Subscription.status.in_(SubscriptionStatus.billable_statuses()),
                Subscription.ended_at.is_(None),
            )
            .options(*options)
        )

    async def get_all_by_customer(
        self, customer_id: UUID, *, options: Options = ()
    ) -> Sequence[Subscription]:
        statement = (
            self.get_base_statement(include_deleted=True)
            .where(Subscription.customer_id == customer_id)
            .options(*options)
        )
        return await self.get_all(statement)

    async def get_ids_by_product(self, product_id: UUID) -> Sequence[UUID]:
        statement = select(Subscription.id).where(
            Subscription.product_id == product_id,
            ~Subscription.is_deleted,
        )
        result = await self.session.execute(statement)
        return result.scalars().all()

    async def exists_live_by_customer_and_product(
        self, customer_id: UUID, product_id: UUID
    ) -> bool:
        # "Live" = could still bill: not canceled/unpaid/incomplete, not ended.
        dead_statuses = (
            SubscriptionStatus.revoked_statuses()
            | SubscriptionStatus.incomplete_statuses()
        )
        statement = (
            select(Subscription.id)
            .where(
                Subscription.customer_id == customer_id,
                Subscription.product_id == product_id,
                Subscription.status.not_in(dead_statuses),
                Subscription.ended_at.is_(None),
                ~Subscription.is_deleted,
            )
            .limit(1)
        )
        result = await self.session.execute(statement)
        return result.first() is not None

    async def get_churn_breakdown(
        self,
        organization_id: UUID,
        *,
        since: datetime,
    ) -> tuple[int, int]:
        """(voluntary, involuntary) counts of subscriptions ended since the
        cutoff.

        Involuntary means the subscription ended while past due on payment
        (`past_due_at` is set on entering dunning and cleared on recovery, so
        it survives on subscriptions revoked for payment failure). Everything
        else counts as voluntary, including immediate cancellations without a
        stated reason.
        """
        involuntary = case(
            (Subscription.past_due_at.is_not(None), 1),
            else_=0,
        )
        statement = (
            select(
                func.coalesce(func.sum(involuntary), 0),
                func.count(Subscription.id),
            )
            .join(Product, Product.id == Subscription.product_id)
            .where(
                Product.organization_id == organization_id,
                Subscription.ended_at.is_not(None),
                Subscription.ended_at >= since,
                ~Subscription.is_deleted,
            )
        )
        result = await self.session.execute(statement)
        row = result.one()
        involuntary_count, total = int(row[0]), int(row[1])
        return total - involuntary_count, involuntary_count

    async def list_recently_ended(
        self,
        organization_id: UUID,
        *,
        since: datetime,
        until: datetime | None = None,
        limit: int,
    ) -> tuple[Sequence[Subscription], int]:
        """Subscriptions that ended in [since, until), most recent first, with
        customer and product loaded. Second element is the window's total, so
        callers can say "showing N of M" when the limit truncates."""
        window: tuple[ColumnElement[bool], ...] = (
            Subscription.organization_id == organization_id,
            Subscription.ended_at.is_not(None),
            Subscription.ended_at >= since,
        )
        if until is not None:
            window = (*window, Subscription.ended_at < until)
        statement = (
            self.get_base_statement()
            .where(*window)
            .options(
                joinedload(Subscription.customer),
                joinedload(Subscription.product),
            )
            .order_by(Subscription.ended_at.desc())
            .limit(limit)
        )
        count = await self.count(self.get_base_statement().where(*window))
        return await self.get_all(statement), count

    async def get_active_customer_ids_by_product(
        self, product_id: UUID, *, limit: int | None = None
    ) -> Sequence[UUID]:
        statement = (
            select(Subscription.customer_id)
            .where(
                Subscription.product_id == product_id,
                Subscription.active,
                ~Subscription.is_deleted,
            )
            .distinct()
        )
        if limit is not None:
            statement = statement.limit(limit)
        result = await self.session.execute(statement)
        return result.scalars().all()

    async def get_by_id_and_organization(
        self,
        id: UUID,
        organization_id: UUID,
        *,
        options: Options = (),
    ) -> Subscription | None:
        statement = (
            self.get_base_statement()
            .where(
                Subscription.id == id,
                Subscription.organization_id == organization_id,
            )
            .options(joinedload(Subscription.product), *options)
        )
        return await self.get_one_or_none(statement)

    async def get_by_checkout_id(
        self, checkout_id: UUID, *, options: Options = ()
    ) -> Subscription | None:
        statement = (
            self.get_base_statement()
            .where(Subscription.checkout_id == checkout_id)
            .options(*options)
        )
        result = await self.session.execute(statement)
        return result.scalar_one_or_none()

    async def get_readable_by_id(
        self,
        auth_subject: AuthSubject[User | Organization | Customer | Member],
        id: UUID,
        *,
        options: Options = (),
    ) -> Subscription | None:
        statement = (
            self.get_readable_statement(auth_subject)
            .where(Subscription.id == id)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    async def get_readable_by_checkout_id(
        self,
        auth_subject: AuthSubject[User | Organization | Customer | Member],
        checkout_id: UUID,
        *,
        options: Options = (),
    ) -> Subscription | None:
        statement = (
            self.get_readable_statement(auth_subject)
            .where(Subscription.checkout_id == checkout_id)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    def get_eager_options(
        self, *, product_load: "_AbstractLoad | None" = None
    ) -> Options:
        if product_load is None:
            product_load = joinedload(Subscription.product)
        return (
            joinedload(Subscription.customer).joinedload(Customer.organization),
            joinedload(Subscription.organization),
            product_load.options(
                joinedload(Product.organization),
                selectinload(Product.product_medias),
                selectinload(Product.attached_custom_fields),
            ),
            selectinload(Subscription.meters).joinedload(SubscriptionMeter.meter),
            joinedload(Subscription.pending_update),
        )

    def get_readable_statement(
        self, auth_subject: AuthSubject[User | Organization | Customer | Member]
    ) -> Select[tuple[Subscription]]:
        statement = self.get_base_statement()

        if is_user(auth_subject):
            statement = statement.where(
                Subscription.organization_id.in_(
                    select_accessible_org_ids(
                        auth_subject, permission=OrganizationPermission.sales_read
                    )
                )
            )
        elif is_organization(auth_subject):
            statement = statement.where(
                Subscription.organization_id == auth_subject.subject.id,
            )
        elif is_customer(auth_subject):
            customer = auth_subject.subject
            statement = statement.where(
                Subscription.customer_id == customer.id,
                ~Subscription.is_deleted,
            )
        elif is_member(auth_subject):
            member = auth_subject.subject
            statement = statement.where(
                Subscription.customer_id == member.customer_id,
                ~Subscription.is_deleted,
            )

        return statement

    def get_claimed_subscriptions_statement(
        self, auth_subject: AuthSubject[AuthCustomer | Member]
    ) -> Select[tuple[Subscription]]:
        """Get subscriptions where the customer has a claimed seat."""
        statement = self.get_base_statement().join(
            CustomerSeat, CustomerSeat.subscription_id == Subscription.id
        )

        if is_member(auth_subject):
            statement = statement.where(
                CustomerSeat.member_id == auth_subject.subject.id,
                CustomerSeat.status == SeatStatus.claimed,
            )
        else:
            statement = statement.where(
                CustomerSeat.customer_id == auth_subject.subject.id,
                CustomerSeat.status == SeatStatus.claimed,
            )

        return statement

    async def get_subscriptions_needing_renewal_reminder(
        self,
        now: datetime,
        reminder_window_end: datetime,
        *,
        options: Options = (),
    ) -> Sequence[Subscription]:
        """
        Find active subscriptions with long billing cycles (> 180 days)
        whose current_period_end is within the next 7 days,
        and where no matching EmailLog row exists for dedup.
        """
        # Long billing cycle conditions:
        # - year (any count)
        # - month with count >= 6
        # - week with count >= 25
        # - day with count >= 180
        long_cycle_condition = or_(
            Subscription.recurring_interval == SubscriptionRecurringInterval.year,
            and_(
                Subscription.recurring_interval == SubscriptionRecurringInterval.month,
                Subscription.recurring_interval_count >= 6,
            ),
            and_(
                Subscription.recurring_interval == SubscriptionRecurringInterval.week,
                Subscription.recurring_interval_count >= 25,
            ),
            and_(
                Subscription.recurring_interval == SubscriptionRecurringInterval.day,
                Subscription.recurring_interval_count >= 180,
            ),
        )

        # Dedup: NOT EXISTS in email_logs for this subscription + template
        dedup_subquery = (
            select(EmailLog.id)
            .where(
                EmailLog.email_template == "subscription_renewal_reminder",
                EmailLog.status == EmailLogStatus.sent,
                EmailLog.deduplication_key
                == subscription_renewal_reminder_key_sql(
                    Subscription.id, Subscription.current_period_end
                ),
            )
            .correlate(Subscription)
            .exists()
        )

        statement = (
            self.get_base_statement()
            .where(
                Subscription.status == SubscriptionStatus.active,
                ~Subscription.cancel_at_period_end,
                ~Subscription.pause_at_period_end,
                Subscription.current_period_end.isnot(None),
                Subscription.current_period_end > now,
                Subscription.current_period_end <= reminder_window_end,
                long_cycle_condition,
                ~dedup_subquery,
            )
            .options(*options)
        )
        return await self.get_all(statement)

    async def get_subscriptions_needing_trial_conversion_reminder(
        self,
        now: datetime,
        *,
        options: Options = (),
    ) -> Sequence[Subscription]:
        """
        Find trialing subscriptions whose trial ends within the appropriate
        window, and where no matching EmailLog row exists for dedup.

        - Trials >= 3 days: send reminder 3 days before trial ends
        - Trials >= 1 day but < 3 days: send reminder 1 day before trial ends
        - Trials < 1 day: skip entirely
        """
        one_day_from_now = now + timedelta(days=1)
        three_days_from_now = now + timedelta(days=3)

        # Dedup: NOT EXISTS in email_logs for this subscription + template
        dedup_subquery = (
            select(EmailLog.id)
            .where(
                EmailLog.email_template == "subscription_trial_conversion_reminder",
                EmailLog.status == EmailLogStatus.sent,
                EmailLog.deduplication_key
                == subscription_trial_conversion_reminder_key_sql(
                    Subscription.id, Subscription.trial_end
                ),
            )
            .correlate(Subscription)
            .exists()
        )

        # Trial duration condition:
        # If trial >= 3 days: trial_end within next 3 days
        # If trial >= 1 day but < 3 days: trial_end within next 1 day
        trial_duration = sa.func.extract(
            "epoch", Subscription.trial_end - Subscription.trial_start
        )
        three_days_seconds = 3 * 24 * 60 * 60
        one_day_seconds = 1 * 24 * 60 * 60

        trial_window_condition = or_(
            # Long trials (>= 3 days): remind 3 days before
            and_(
                trial_duration >= three_days_seconds,
                Subscription.trial_end > now,
                Subscription.trial_end <= three_days_from_now,
            ),
            # Short trials (>= 1 day, < 3 days): remind 1 day before
            and_(
                trial_duration >= one_day_seconds,
                trial_duration < three_days_seconds,
                Subscription.trial_end > now,
                Subscription.trial_end <= one_day_from_now,
            ),
        )

        statement = (
            self.get_base_statement()
            .where(
                Subscription.status == SubscriptionStatus.trialing,
                ~Subscription.cancel_at_period_end,
                Subscription.trial_start.isnot(None),
                Subscription.trial_end.isnot(None),
                trial_window_condition,
                ~dedup_subquery,
            )
            .options(*options)
        )
        return await self.get_all(statement)

    def get_sorting_clause(self, property: SubscriptionSortProperty) -> SortingClause:
        match property:
            case SubscriptionSortProperty.customer:
                return Customer.email
            case SubscriptionSortProperty.status:
                return case(
                    (Subscription.status == SubscriptionStatus.incomplete, 1),
                    (
                        Subscription.status == SubscriptionStatus.incomplete_expired,
                        2,
                    ),
                    (Subscription.status == SubscriptionStatus.trialing, 3),
                    (
                        Subscription.status == SubscriptionStatus.active,
                        case(
                            (~Subscription.cancel_at_period_end, 4),
                            (Subscription.cancel_at_period_end, 5),
                        ),
                    ),
                    (Subscription.status == SubscriptionStatus.paused, 6),
                    (Subscription.status == SubscriptionStatus.past_due, 7),
                    (Subscription.status == SubscriptionStatus.canceled, 8),
                    (Subscription.status == SubscriptionStatus.unpaid, 9),
                )
            case SubscriptionSortProperty.started_at:
                return Subscription.started_at
            case SubscriptionSortProperty.ended_at:
                return Subscription.ended_at
            case SubscriptionSortProperty.ends_at:
                return Subscription.ends_at
            case SubscriptionSortProperty.current_period_end:
                return Subscription.current_period_end
            case SubscriptionSortProperty.amount:
                return case(
                    (
                        Subscription.recurring_interval
                        == SubscriptionRecurringInterval.year,
                        Subscription.amount / 12,
                    ),
                    (
                        Subscription.recurring_interval
                        == SubscriptionRecurringInterval.month,
                        Subscription.amount,
                    ),
                    (
                        Subscription.recurring_interval
                        == SubscriptionRecurringInterval.week,
                        Subscription.amount * 4,
                    ),
                    (
                        Subscription.recurring_interval
                        == SubscriptionRecurringInterval.day,
                        Subscription.amount * 30,
                    ),
                )
            case SubscriptionSortProperty.product:
                return Product.name
            case SubscriptionSortProperty.discount:
                return Discount.name


class SubscriptionProductPriceRepository(
    RepositorySoftDeletionIDMixin[SubscriptionProductPrice, UUID],
    RepositorySoftDeletionMixin[SubscriptionProductPrice],
    RepositoryBase[SubscriptionProductPrice],
):
    model = SubscriptionProductPrice

    async def get_by_customer_and_meter(
        self, customer_id: UUID, meter_id: UUID
    ) -> CustomerSubscriptionProductPrice | None:
        """
        Get the paying customer and subscription product price for a customer and meter.

        If the customer has a direct subscription with the meter, returns that.
        If the customer is a seat holder, returns the billing manager's subscription.
        """
        result = await self._get_direct_subscription_price(customer_id, meter_id)
        if result is not None:
            return result

        return await self._get_seat_subscription_price(customer_id, meter_id)

    async def get_by_customers_and_meter(
        self, customer_ids: Sequence[UUID], meter_id: UUID
    ) -> dict[UUID, CustomerSubscriptionProductPrice | None]:
        """
        Get prices for multiple customers in two queries.

        Direct subscriptions take priority over seat-derived subscriptions.
        """
        unique_customer_ids = list(dict.fromkeys(customer_ids))
        if not unique_customer_ids:
            return {}

        direct_prices = await self._get_direct_subscription_prices(
            unique_customer_ids, meter_id
        )
        seat_prices = await self._get_seat_subscription_prices(
            unique_customer_ids, meter_id
        )

        return {
            customer_id: direct_prices.get(customer_id, seat_prices.get(customer_id))
            for customer_id in unique_customer_ids
        }

    async def _get_direct_subscription_price(
        self, customer_id: UUID, meter_id: UUID
    ) -> CustomerSubscriptionProductPrice | None:
        return (
            await self._get_direct_subscription_prices([customer_id], meter_id)
        ).get(customer_id)

    async def _get_direct_subscription_prices(
        self, customer_ids: Sequence[UUID], meter_id: UUID
    ) -> dict[UUID, CustomerSubscriptionProductPrice]:
        customer_ids_parameter = sa.bindparam(
            "customer_ids", customer_ids, type_=sa.ARRAY(sa.Uuid())
        )
        statement = (
            self.get_base_statement()
            .join(
                ProductPrice,
                SubscriptionProductPrice.product_price_id == ProductPrice.id,
            )
            .join(
                Subscription,
                Subscription.id == SubscriptionProductPrice.subscription_id,
            )
            .where(
                ProductPrice.is_metered,
                ProductPriceMeteredUnit.meter_id == meter_id,
                Subscription.billable,
                Subscription.customer_id == sa.any_(customer_ids_parameter),
            )
            # In case customer has several subscriptions, take the earliest one
            .distinct(Subscription.customer_id)
            .order_by(Subscription.customer_id, Subscription.started_at.asc())
            .options(
                contains_eager(SubscriptionProductPrice.product_price),
                contains_eager(SubscriptionProductPrice.subscription).options(
                    joinedload(Subscription.customer).raiseload(Customer.owner),
                    raiseload(Subscription.subscription_product_prices),
                    raiseload(Subscription.meters),
                ),
            )
        )

        subscription_product_prices = await self.get_all(statement)
        return {
            subscription_product_price.subscription.customer_id: CustomerSubscriptionProductPrice(
                customer_id=subscription_product_price.subscription.customer_id,
                subscription_product_price=subscription_product_price,
            )
            for subscription_product_price in subscription_product_prices
        }

    async def _get_seat_subscription_price(
        self, customer_id: UUID, meter_id: UUID
    ) -> CustomerSubscriptionProductPrice | None:
        return (await self._get_seat_subscription_prices([customer_id], meter_id)).get(
            customer_id
        )

    async def _get_seat_subscription_prices(
        self, customer_ids: Sequence[UUID], meter_id: UUID
    ) -> dict[UUID, CustomerSubscriptionProductPrice]:
        seats = await self._get_active_seats_for_customers(customer_ids)
        customer_prices: dict[UUID, CustomerSubscriptionProductPrice] = {}
        for seat in seats:
            if seat.customer_id is None or seat.subscription is None:
                continue

            metered_price = self._find_metered_price_in_subscription(
                seat.subscription, meter_id
            )
            if metered_price is None:
                continue

            set_committed_value(metered_price, "subscription", seat.subscription)
            customer_prices[seat.customer_id] = CustomerSubscriptionProductPrice(
                customer_id=seat.subscription.customer_id,
                subscription_product_price=metered_price,
            )

        return customer_prices

    async def _get_active_seats_for_customers(
        self, customer_ids: Sequence[UUID]
    ) -> Sequence[CustomerSeat]:
        """Get active seats for customers, with subscription data eagerly loaded."""
        customer_ids_parameter = sa.bindparam(
            "customer_ids", customer_ids, type_=sa.ARRAY(sa.Uuid())
        )
        statement = (
            select(CustomerSeat)
            .where(
                CustomerSeat.customer_id == sa.any_(customer_ids_parameter),
                CustomerSeat.status == SeatStatus.claimed,
            )
            .distinct(CustomerSeat.customer_id)
            # In case a customer holds several claimed seats across
            # different subscriptions, take the oldest claimed one.
            # Without this tiebreaker, PostgreSQL's DISTINCT ON picks an
            # arbitrary row, leading to non-deterministic metered pricing.
            .order_by(CustomerSeat.customer_id, CustomerSeat.claimed_at.asc())
            .options(
                joinedload(CustomerSeat.subscription).options(
                    joinedload(Subscription.customer).raiseload(Customer.owner),
                    joinedload(Subscription.subscription_product_prices).options(
                        joinedload(SubscriptionProductPrice.product_price),
                    ),
                    raiseload(Subscription.meters),
                )
            )
        )
        result = await self.session.execute(statement)
        return result.scalars().unique().all()

    def _find_metered_price_in_subscription(
        self, subscription: Subscription, meter_id: UUID
    ) -> SubscriptionProductPrice | None:
        """
        Find a metered price for the given meter in a subscription.

        Returns None if no matching metered price is found.
        """
        for spp in subscription.subscription_product_prices:
            if (
                is_metered_price(spp.product_price)
                and spp.product_price.meter_id == meter_id
            ):
                return spp
        return None


class SubscriptionUpdateRepository(
    RepositorySoftDeletionIDMixin[SubscriptionUpdate, UUID],
    RepositorySoftDeletionMixin[SubscriptionUpdate],
    RepositoryBase[SubscriptionUpdate],
):
    model = SubscriptionUpdate

    async def upsert(
        self, object: SubscriptionUpdate, *, flush: bool = False
    ) -> SubscriptionUpdate:
        existing = await self.get_unapplied_by_subscription_id(object.subscription_id)
        if existing is None:
            return await self.create(object, flush=flush)

        # Merge partial updates: a pending product change and a pending
        # seat change can coexist on one row. We check `object.product`
        # rather than `object.product_id` because SQLAlchemy doesn't sync
        # the FK column on a transient instance until flush.
        existing.applies_at = object.applies_at
        if object.product is not None:
            existing.product = object.product
            existing.new_cycle_start = object.new_cycle_start
            existing.new_cycle_end = object.new_cycle_end
        if object.seats is not None:
            existing.seats = object.seats
        if object.units is not None:
            existing.units = object.units
        if object.discount is not None or object.discount_unset:
            existing.discount_unset = object.discount_unset
            existing.discount = object.discount
        return await self.update(existing, flush=flush)

    async def soft_delete_unapplied_by_subscription_id(
        self, subscription_id: UUID
    ) -> None:
        existing = await self.get_unapplied_by_subscription_id(subscription_id)
        if existing is not None:
            await self.soft_delete(existing)

    async def get_unapplied_by_subscription_id(
        self, subscription_id: UUID, *, options: Options = ()
    ) -> SubscriptionUpdate | None:
        statement = (
            self.get_base_statement()
            .where(
                SubscriptionUpdate.subscription_id == subscription_id,
                SubscriptionUpdate.applied_at.is_(None),
                ~SubscriptionUpdate.is_deleted,
            )
            .limit(1)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

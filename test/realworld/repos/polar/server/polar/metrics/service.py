import asyncio
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import logfire
from sqlalchemy import ColumnElement, FromClause, select, text

from polar.auth.models import AuthSubject
from polar.auth.permission import OrganizationPermission
from polar.authz.service import (
    assert_organization_permission,
    assert_resource_permission,
    get_accessible_org_ids,
)
from polar.authz.types import AccessibleOrganizationID
from polar.config import settings
from polar.customer.repository import CustomerRepository
from polar.kit.time_queries import TimeInterval, get_timestamp_series_cte
from polar.models import (
    Customer,
    MetricDashboard,
    Organization,
    Product,
    User,
)
from polar.models.product import ProductBillingType
from polar.organization.resolver import get_payload_organization
from polar.postgres import AsyncReadSession, AsyncSession
from polar.redis import Redis

from .cache import build_cache_key, get_cached_metrics, set_cached_metrics
from .metrics import (
    METRICS,
    METRICS_POST_COMPUTE,
    METRICS_POSTGRES,
    METRICS_TINYBIRD,
    SQLMetric,
)
from .queries import (
    QUERY_TO_FUNCTION,
    QueryCallable,
)
from .queries_tinybird import (
    TinybirdQuery,
    query_metrics,
)
from .repository import MetricDashboardRepository
from .schemas import (
    MetricDashboardCreate,
    MetricDashboardUpdate,
    MetricsPeriod,
    MetricsResponse,
)


def _expand_metrics_with_dependencies(
    metrics: Sequence[str] | None,
) -> tuple[set[str], set[str], set[str]]:
    """
    Expand metrics to include all dependencies.

    Returns a tuple of:
    - pg_slugs: Set of PG-only metric slugs needed
    - tb_slugs: Set of Tinybird metric slugs needed
    - meta_slugs: Set of MetaMetric slugs needed
    """
    pg_by_slug = {m.slug: m for m in METRICS_POSTGRES}
    tb_by_slug = {m.slug: m for m in METRICS_TINYBIRD}
    meta_by_slug = {m.slug: m for m in METRICS_POST_COMPUTE}

    if metrics is None:
        return set(pg_by_slug), set(tb_by_slug), set(meta_by_slug)

    pg_slugs: set[str] = set()
    tb_slugs: set[str] = set()
    meta_slugs: set[str] = set()

    def resolve(slug: str, visited: set[str]) -> None:
        if slug in visited:
            return
        visited.add(slug)

        if slug in pg_by_slug:
            pg_slugs.add(slug)
        elif slug in tb_by_slug:
            tb_slugs.add(slug)
        elif slug in meta_by_slug:
            meta_slugs.add(slug)
            for dep in getattr(meta_by_slug[slug], "dependencies", []):
                resolve(dep, visited)

    for metric_slug in metrics:
        resolve(metric_slug, set())

    return pg_slugs, tb_slugs, meta_slugs


class _TinybirdFilters(NamedTuple):
    org_ids: list[AccessibleOrganizationID]
    product_id: Sequence[uuid.UUID] | None
    customer_ids: list[uuid.UUID] | None
    external_customer_id: list[str] | None


class MetricsService:
    # Dashboard CRUD

    async def list_dashboards(
        self,
        session: AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        organization_id: Sequence[uuid.UUID] | None = None,
    ) -> Sequence[MetricDashboard]:
        repository = MetricDashboardRepository.from_session(session)
        org_ids = await get_accessible_org_ids(
            session, auth_subject, permission=OrganizationPermission.analytics_read
        )
        statement = repository.get_statement_by_org_ids(org_ids)
        if organization_id is not None:
            statement = statement.where(
                MetricDashboard.organization_id.in_(organization_id)
            )
        return await repository.get_all(statement)

    async def get_dashboard(
        self,
        session: AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        id: uuid.UUID,
    ) -> MetricDashboard | None:
        repository = MetricDashboardRepository.from_session(session)
        org_ids = await get_accessible_org_ids(
            session, auth_subject, permission=OrganizationPermission.analytics_read
        )
        statement = repository.get_statement_by_org_ids(org_ids).where(
            MetricDashboard.id == id
        )
        return await repository.get_one_or_none(statement)

    async def create_dashboard(
        self,
        session: AsyncSession,
        auth_subject: AuthSubject[User | Organization],
        create_schema: MetricDashboardCreate,
    ) -> MetricDashboard:
        organization = await get_payload_organization(
            session, auth_subject, create_schema
        )
        await assert_organization_permission(
            session,
            auth_subject,
            organization.id,
            OrganizationPermission.analytics_manage,
        )

        repository = MetricDashboardRepository.from_session(session)
        dashboard = MetricDashboard(
            name=create_schema.name,
            metrics=create_schema.metrics,
            organization_id=organization.id,
        )
        return await repository.create(dashboard, flush=True)

    async def update_dashboard(
        self,
        session: AsyncSession,
        dashboard: MetricDashboard,
        update_schema: MetricDashboardUpdate,
        auth_subject: AuthSubject[User | Organization],
    ) -> MetricDashboard:
        await assert_resource_permission(
            session, auth_subject, dashboard, OrganizationPermission.analytics_manage
        )
        repository = MetricDashboardRepository.from_session(session)
        update_dict = update_schema.model_dump(exclude_unset=True)
        return await repository.update(dashboard, update_dict=update_dict)

    async def delete_dashboard(
        self,
        session: AsyncSession,
        dashboard: MetricDashboard,
        auth_subject: AuthSubject[User | Organization],
    ) -> None:
        await assert_resource_permission(
            session, auth_subject, dashboard, OrganizationPermission.analytics_manage
        )
        await session.delete(dashboard)
        await session.flush()

    async def get_metrics(
        self,
        session: AsyncSession | AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        start_date: date,
        end_date: date,
        timezone: ZoneInfo,
        interval: TimeInterval,
        organization_id: Sequence[uuid.UUID] | None = None,
        product_id: Sequence[uuid.UUID] | None = None,
        billing_type: Sequence[ProductBillingType] | None = None,
        customer_id: Sequence[uuid.UUID] | None = None,
        metrics: Sequence[str] | None = None,
        now: datetime | None = None,
        redis: Redis | None = None,
    ) -> MetricsResponse:
        pg_slugs, tb_slugs, meta_slugs = _expand_metrics_with_dependencies(metrics)

        tb_filters = await self._resolve_tinybird_filters(
            session,
            auth_subject,
            organization_id=organization_id,
            product_id=product_id,
            billing_type=billing_type,
            customer_id=customer_id,
            tb_needed=tb_slugs,
        )

        cache_key: str | None = None
        if redis is not None and now is None:
            cache_key = build_cache_key(
                start_date=start_date,
                end_date=end_date,
                timezone=timezone,
                interval=interval,
                organization_ids=tb_filters.org_ids,
                product_ids=tb_filters.product_id,
                customer_ids=tb_filters.customer_ids,
                external_customer_ids=tb_filters.external_customer_id,
                billing_type=billing_type,
                metrics=metrics,
            )
            with logfire.span("Get metrics cache", cache_key=cache_key) as span:
                cached = await get_cached_metrics(redis, cache_key)
                span.set_attribute("cache_hit", cached is not None)
            if cached is not None:
                return cached

        await session.execute(text(f"SET LOCAL TIME ZONE '{timezone.key}'"))
        await session.execute(text("SET LOCAL plan_cache_mode = 'force_custom_plan'"))
        start_timestamp = datetime(
            start_date.year, start_date.month, start_date.day, 0, 0, 0, 0, timezone
        )
        end_timestamp = datetime(
            end_date.year, end_date.month, end_date.day, 23, 59, 59, 999999, timezone
        )

        # Store original bounds before truncation for filtering queries
        original_start_timestamp = start_timestamp
        original_end_timestamp = end_timestamp

        # Truncate start_timestamp to the beginning of the interval period
        # This ensures the timestamp series aligns with how daily metrics are grouped
        if interval == TimeInterval.week:
            start_timestamp -= timedelta(days=start_timestamp.weekday())
        elif interval == TimeInterval.month:
            start_timestamp = start_timestamp.replace(day=1)
        elif interval == TimeInterval.year:
            start_timestamp = start_timestamp.replace(month=1, day=1)

        now_dt = now or datetime.now(tz=timezone)

        filtered_pg_metrics = [m for m in METRICS_POSTGRES if m.slug in pg_slugs]
        filtered_tb_metrics = [m for m in METRICS_TINYBIRD if m.slug in tb_slugs]
        filtered_post_compute = [
            m for m in METRICS_POST_COMPUTE if m.slug in meta_slugs
        ]
        filtered_all_metrics = (
            [m for m in METRICS if m.slug in metrics] if metrics else list(METRICS)
        )
        required_queries = {m.query for m in filtered_pg_metrics}
        pg_query_fns: list[QueryCallable] = [
            fn for qt, fn in QUERY_TO_FUNCTION.items() if qt in required_queries
        ]

        pg_coro = self._get_metrics_from_pg(
            session,
            auth_subject,
            start_timestamp=start_timestamp,
            end_timestamp=end_timestamp,
            original_start_timestamp=original_start_timestamp,
            original_end_timestamp=original_end_timestamp,
            interval=interval,
            organization_id=organization_id,
            product_id=product_id,
            billing_type=billing_type,
            customer_id=customer_id,
            query_fns=pg_query_fns,
            pg_metrics=filtered_pg_metrics,
            now=now_dt,
        )

        tb_coro = self._get_metrics_from_tinybird(
            start_timestamp=start_timestamp,
            end_timestamp=end_timestamp,
            original_start_timestamp=original_start_timestamp,
            original_end_timestamp=original_end_timestamp,
            timezone=timezone,
            interval=interval,
            tb_org_ids=tb_filters.org_ids,
            product_id=tb_filters.product_id,
            billing_type=billing_type,
            tb_customer_ids=tb_filters.customer_ids,
            external_customer_id=tb_filters.external_customer_id,
            tb_needed=tb_slugs,
        )

        pg_periods, tb_periods = await asyncio.gather(pg_coro, tb_coro)

        periods: list[MetricsPeriod] = []
        all_timestamps = sorted(set(pg_periods.keys()) | set(tb_periods.keys()))

        for ts in all_timestamps:
            period_dict: dict[str, object] = {"timestamp": ts}

            pg_period = pg_periods.get(ts)
            for pg_m in filtered_pg_metrics:
                period_dict[pg_m.slug] = (
                    getattr(pg_period, pg_m.slug, 0) if pg_period is not None else 0
                )

            tb_period = tb_periods.get(ts)
            for tb_m in filtered_tb_metrics:
                period_dict[tb_m.slug] = (
                    getattr(tb_period, tb_m.slug, 0) if tb_period is not None else 0
                )

            # Seed meta metric values to 0 before computing
            # in the event that one meta-metric depends on another
            for meta_metric in filtered_post_compute:
                period_dict[meta_metric.slug] = 0
            for meta_metric in filtered_post_compute:
                period = MetricsPeriod.model_validate(period_dict)
                period_dict[meta_metric.slug] = meta_metric.compute_from_period(period)

            if metrics is not None:
                all_resolved = pg_slugs | tb_slugs | meta_slugs
                period_dict = {
                    k: v
                    for k, v in period_dict.items()
                    if k == "timestamp" or k in all_resolved
                }

            periods.append(MetricsPeriod.model_validate(period_dict))

        totals: dict[str, int | float] = {}
        for metric in filtered_all_metrics:
            totals[metric.slug] = metric.get_cumulative(periods)

        if metrics is not None:
            requested = set(metrics)
            periods = [
                MetricsPeriod.model_validate(
                    {
                        k: v
                        for k, v in p.model_dump().items()
                        if k == "timestamp" or k in requested
                    }
                )
                for p in periods
            ]

        response = MetricsResponse.model_validate(
            {
                "periods": periods,
                "totals": totals,
                "metrics": {m.slug: m for m in filtered_all_metrics},
            }
        )

        if redis is not None and cache_key is not None:
            with logfire.span("Set metrics cache", cache_key=cache_key):
                await set_cached_metrics(redis, cache_key, response)

        return response

    async def _get_metrics_from_pg(
        self,
        session: AsyncSession | AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        start_timestamp: datetime,
        end_timestamp: datetime,
        original_start_timestamp: datetime,
        original_end_timestamp: datetime,
        interval: TimeInterval,
        organization_id: Sequence[uuid.UUID] | None = None,
        product_id: Sequence[uuid.UUID] | None = None,
        billing_type: Sequence[ProductBillingType] | None = None,
        customer_id: Sequence[uuid.UUID] | None = None,
        query_fns: list[QueryCallable],
        pg_metrics: list[type[SQLMetric]],
        now: datetime | None = None,
    ) -> dict[datetime, MetricsPeriod]:
        now_dt = now or datetime.now(tz=start_timestamp.tzinfo or ZoneInfo("UTC"))

        timestamp_series = get_timestamp_series_cte(
            start_timestamp, end_timestamp, interval
        )
        timestamp_column: ColumnElement[datetime] = timestamp_series.c.timestamp

        if query_fns:
            with logfire.span(
                "Build PG metrics query",
                num_query_functions=len(query_fns),
            ):
                queries = [
                    query_fn(
                        timestamp_series,
                        interval,
                        auth_subject,
                        pg_metrics,
                        now_dt,
                        bounds=(original_start_timestamp, original_end_timestamp),
                        organization_id=organization_id,
                        product_id=product_id,
                        billing_type=billing_type,
                        customer_id=customer_id,
                    )
                    for query_fn in query_fns
                ]

            from_query: FromClause = timestamp_series
            for query in queries:
                from_query = from_query.join(
                    query,
                    onclause=query.c.timestamp == timestamp_column,
                )

            statement = (
                select(
                    timestamp_column.label("timestamp"),
                    *queries,
                )
                .select_from(from_query)
                .order_by(timestamp_column.asc())
            )
        else:
            statement = (
                select(timestamp_column.label("timestamp"))
                .select_from(timestamp_series)
                .order_by(timestamp_column.asc())
            )

        periods: dict[datetime, MetricsPeriod] = {}
        with logfire.span("Stream PG metrics query"):
            result = await session.stream(
                statement,
                execution_options={"yield_per": settings.DATABASE_STREAM_YIELD_PER},
            )
            async for row in result:
                period = MetricsPeriod.model_validate(row._asdict())
                periods[period.timestamp] = period

        return periods

    async def _get_org_ids_for_subject(
        self,
        session: AsyncSession | AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        organization_id: Sequence[uuid.UUID] | None = None,
    ) -> list[AccessibleOrganizationID]:
        """Get accessible org IDs, optionally filtered to a subset."""
        org_ids = await get_accessible_org_ids(
            session, auth_subject, permission=OrganizationPermission.analytics_read
        )
        if organization_id is not None and len(organization_id) > 0:
            return [
                AccessibleOrganizationID(oid)
                for oid in organization_id
                if oid in org_ids
            ]
        return list(org_ids)

    async def _resolve_tinybird_filters(
        self,
        session: AsyncSession | AsyncReadSession,
        auth_subject: AuthSubject[User | Organization],
        *,
        organization_id: Sequence[uuid.UUID] | None = None,
        product_id: Sequence[uuid.UUID] | None = None,
        billing_type: Sequence[ProductBillingType] | None = None,
        customer_id: Sequence[uuid.UUID] | None = None,
        tb_needed: set[str],
    ) -> _TinybirdFilters:
        tb_org_ids = await self._get_org_ids_for_subject(
            session, auth_subject, organization_id=organization_id
        )

        external_customer_id: list[str] | None = None
        if customer_id is not None:
            customer_repository = CustomerRepository.from_session(session)
            external_ids = [
                eid
                for eid in await customer_repository.get_readable_external_ids_by_ids(
                    set(tb_org_ids), customer_id
                )
                if eid
            ]
            if external_ids:
                external_customer_id = external_ids

        tb_product_id = product_id
        if billing_type is not None and tb_org_ids:
            product_stmt = select(Product.id).where(
                Product.organization_id.in_(tb_org_ids),
                Product.billing_type.in_(billing_type),
                ~Product.is_deleted,
            )
            billing_type_product_ids = list(await session.scalars(product_stmt))
            if product_id is not None:
                tb_product_id = [
                    pid for pid in product_id if pid in billing_type_product_ids
                ]
            else:
                tb_product_id = billing_type_product_ids

        tb_customer_ids: list[uuid.UUID] | None = (
            list(customer_id) if customer_id is not None else None
        )
        # The cancellations endpoint filters by internal customer ID, but callers
        # can pass external IDs. Resolve external IDs back to internal IDs so the
        # cancellations query can match on them.
        tb_queries = list({m.query for m in METRICS_TINYBIRD if m.slug in tb_needed})
        if (
            TinybirdQuery.cancellations in tb_queries
            and external_customer_id is not None
            and len(external_customer_id) > 0
            and tb_org_ids
        ):
            customer_stmt = select(Customer.id).where(
                Customer.organization_id.in_(tb_org_ids),
                Customer.external_id.in_(external_customer_id),
            )
            resolved = list(await session.scalars(customer_stmt))
            merged = list(tb_customer_ids or [])
            merged.extend(resolved)
            if merged:
                tb_customer_ids = list(dict.fromkeys(merged))

        return _TinybirdFilters(
            org_ids=tb_org_ids,
            product_id=tb_product_id,
            customer_ids=tb_customer_ids,
            external_customer_id=external_customer_id,
        )

    async def _get_metrics_from_tinybird(
        self,
        *,
        start_timestamp: datetime,
        end_timestamp: datetime,
        original_start_timestamp: datetime,
        original_end_timestamp: datetime,
        timezone: ZoneInfo,
        interval: TimeInterval,
        tb_org_ids: list[AccessibleOrganizationID],
        product_id: Sequence[uuid.UUID] | None = None,
        billing_type: Sequence[ProductBillingType] | None = None,
        tb_customer_ids: list[uuid.UUID] | None = None,
        external_customer_id: Sequence[str] | None = None,
        tb_needed: set[str],
    ) -> dict[datetime, MetricsPeriod]:
        if not tb_needed or not tb_org_ids:
            return {}

        tb_queries = list({m.query for m in METRICS_TINYBIRD if m.slug in tb_needed})
        billing_strs = [bt.value for bt in billing_type] if billing_type else None

        with logfire.span(
            "Execute Tinybird metric queries",
            queries=[q.value for q in tb_queries],
        ):
            tb_rows = await query_metrics(
                metric_types=tb_queries,
                organization_id=tb_org_ids,
                start=start_timestamp,
                end=end_timestamp,
                interval=interval,
                timezone=timezone.key,
                bounds_start=original_start_timestamp,
                bounds_end=original_end_timestamp,
                product_id=product_id,
                customer_id=tb_customer_ids,
                external_customer_id=external_customer_id,
                billing_type=billing_strs,
            )

        periods: dict[datetime, MetricsPeriod] = {}
        for row in tb_rows:
            ts = row.get("timestamp")
            if isinstance(ts, str):
                row["timestamp"] = datetime.fromisoformat(ts).replace(tzinfo=timezone)
            elif isinstance(ts, date) and not isinstance(ts, datetime):
                row["timestamp"] = datetime(ts.year, ts.month, ts.day, tzinfo=timezone)
            elif isinstance(ts, datetime) and ts.tzinfo is None:
                row["timestamp"] = ts.replace(tzinfo=timezone)

            filtered = {
                k: v for k, v in row.items() if k == "timestamp" or k in tb_needed
            }
            period = MetricsPeriod.model_validate(filtered)
            periods[period.timestamp] = period

        return periods


metrics = MetricsService()

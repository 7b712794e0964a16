from polar.observability.checkout_metrics import (
    CHECKOUT_CREATED_TOTAL,
    CHECKOUT_SUCCEEDED_TOTAL,
)
from polar.observability.http_metrics import (
    HTTP_REQUEST_DURATION_SECONDS,
    HTTP_REQUEST_TOTAL,
    HTTP_SSE_CONNECTIONS_OPENED,
    METRICS_DENY_LIST,
)
from polar.observability.metrics import (
    TASK_DEBOUNCE_DELAY,
    TASK_DEBOUNCED,
    TASK_DURATION,
    TASK_EXECUTIONS,
    TASK_RETRIES,
)
from polar.observability.operational_errors import OPERATIONAL_ERROR_TOTAL
from polar.observability.tax_metrics import TAX_CALCULATION_TOTAL

__all__ = [
    # Checkout metrics (anomaly detection)
    "CHECKOUT_CREATED_TOTAL",
    "CHECKOUT_SUCCEEDED_TOTAL",
    # HTTP metrics (API server)
    "HTTP_REQUEST_DURATION_SECONDS",
    "HTTP_REQUEST_TOTAL",
    "HTTP_SSE_CONNECTIONS_OPENED",
    "METRICS_DENY_LIST",
    # Operational error metrics
    "OPERATIONAL_ERROR_TOTAL",
    # Task metrics (worker)
    "TASK_DEBOUNCED",
    "TASK_DEBOUNCE_DELAY",
    "TASK_DURATION",
    "TASK_EXECUTIONS",
    "TASK_RETRIES",
    # Tax metrics
    "TAX_CALCULATION_TOTAL",
]

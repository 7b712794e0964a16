from polar.observability.slo_report import tasks

__all__ = ["tasks"]

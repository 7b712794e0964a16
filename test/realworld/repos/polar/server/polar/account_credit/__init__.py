from polar.account_credit.service import account_credit_service

__all__ = ["account_credit_service"]

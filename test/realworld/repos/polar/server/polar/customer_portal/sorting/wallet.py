from enum import StrEnum


class CustomerWalletSortProperty(StrEnum):
    created_at = "created_at"
    balance = "balance"

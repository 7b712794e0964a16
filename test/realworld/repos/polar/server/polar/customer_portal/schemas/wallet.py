from polar.wallet.schemas import WalletBase


class CustomerWallet(WalletBase):
    """
    A wallet represents your balance with an organization.

    You can top-up your wallet and use the balance to pay for usage.
    """

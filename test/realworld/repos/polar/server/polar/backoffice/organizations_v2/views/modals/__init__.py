from .delete_payout_account_modal import DeletePayoutAccountModal
from .set_capability_modal import SetCapabilityModal

__all__ = ["DeletePayoutAccountModal", "SetCapabilityModal"]

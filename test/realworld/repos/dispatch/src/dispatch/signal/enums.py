from dispatch.enums import DispatchEnum


class SignalEngagementStatus(DispatchEnum):
    new = "New"
    approved = "Approved"
    denied = "Denied"

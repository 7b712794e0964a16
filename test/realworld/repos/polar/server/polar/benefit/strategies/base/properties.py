from typing import TypedDict


class BenefitProperties(TypedDict):
    """Configurable properties for this benefit."""


class BenefitGrantProperties(TypedDict):
    """Benefit grant properties."""

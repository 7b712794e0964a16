from .properties import BenefitGrantProperties, BenefitProperties
from .service import (
    BenefitActionRequiredError,
    BenefitPropertiesValidationError,
    BenefitRetriableError,
    BenefitServiceError,
    BenefitServiceProtocol,
)

__all__ = [
    "BenefitActionRequiredError",
    "BenefitGrantProperties",
    "BenefitProperties",
    "BenefitPropertiesValidationError",
    "BenefitRetriableError",
    "BenefitServiceError",
    "BenefitServiceProtocol",
]

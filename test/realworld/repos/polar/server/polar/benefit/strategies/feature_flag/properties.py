from ..base.properties import BenefitGrantProperties, BenefitProperties


class BenefitFeatureFlagProperties(BenefitProperties): ...


class BenefitGrantFeatureFlagProperties(BenefitGrantProperties): ...

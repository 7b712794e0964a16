from typing import Annotated

from fastapi import Depends

from polar.auth.dependencies import Authenticator
from polar.auth.models import AuthSubject, User
from polar.auth.scope import Scope
from polar.models.organization import Organization

_CustomerMeterRead = Authenticator(
    required_scopes={
        Scope.customer_meters_read,
    },
    allowed_subjects={User, Organization},
)
CustomerMeterRead = Annotated[
    AuthSubject[User | Organization], Depends(_CustomerMeterRead)
]

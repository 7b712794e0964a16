from githubkit.versions.latest.models import (
    Installation,
    InstallationRepositoriesGetResponse200,
    OrganizationFullPropPlan,
    PrivateUserPropPlan,
    PublicUserPropPlan,
    Repository,
    SimpleUser,
    UserInstallationsGetResponse200,
    UserInstallationsInstallationIdRepositoriesGetResponse200,
    UserInstallationsInstallationIdRepositoriesGetResponse200PropRepositoriesItems,
)

__all__ = [
    "Installation",
    "InstallationRepositoriesGetResponse200",
    "OrganizationFullPropPlan",
    "PrivateUserPropPlan",
    "PublicUserPropPlan",
    "Repository",
    "SimpleUser",
    "UserInstallationsGetResponse200",
    "UserInstallationsInstallationIdRepositoriesGetResponse200",
    "UserInstallationsInstallationIdRepositoriesGetResponse200PropRepositoriesItems",
]

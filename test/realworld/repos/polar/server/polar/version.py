from polar.kit.versioning import APIVersion

CURRENT_API_VERSION = APIVersion(year=2026, month=4)
NEXT_API_VERSION = APIVersion(year=2026, month=10)
VERSIONS = {
    CURRENT_API_VERSION,
    NEXT_API_VERSION,
}

from dispatch.enums import Visibility

default_case_type = {
    "name": "Default",
    "description": "This is the default case type.",
    "visibility": Visibility.open,
    "exclude_from_metrics": False,
    "default": True,
    "enabled": True,
}

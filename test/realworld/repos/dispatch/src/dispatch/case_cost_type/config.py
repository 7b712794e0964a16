default_case_cost_type = {
    "name": "Response Cost",
    "description": "Cost associated with handling a case.",
    "category": "Primary",
    "details": {},
    "default": True,
    "editable": False,
}

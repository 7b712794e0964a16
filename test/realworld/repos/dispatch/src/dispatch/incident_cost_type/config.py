default_incident_cost_type = {
    "name": "Response Cost",
    "description": "Cost associated with handling an incident.",
    "category": "Primary",
    "details": {},
    "default": True,
    "editable": False,
}

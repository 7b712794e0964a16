from dispatch.enums import DispatchEnum


class EmailTemplateTypes(DispatchEnum):
    case_welcome = "Case Welcome Email"
    incident_welcome = "Incident Welcome Email"

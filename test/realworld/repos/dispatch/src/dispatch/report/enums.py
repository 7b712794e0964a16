from dispatch.enums import DispatchEnum


class ReportTypes(DispatchEnum):
    tactical_report = "Tactical Report"
    executive_report = "Executive Report"

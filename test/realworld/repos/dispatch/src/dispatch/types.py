from __future__ import annotations

from dispatch.case.models import Case
from dispatch.incident.models import Incident

Subject = Case | Incident

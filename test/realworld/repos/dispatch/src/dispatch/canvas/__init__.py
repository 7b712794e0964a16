"""Canvas management module for Dispatch."""

from .enums import CanvasType
from .models import Canvas, CanvasBase, CanvasCreate, CanvasRead, CanvasUpdate
from .service import (
    create,
    delete,
    delete_by_slack_canvas_id,
    get,
    get_by_canvas_id,
    get_by_case,
    get_by_incident,
    get_by_project,
    get_by_type,
    get_or_create_by_case,
    get_or_create_by_incident,
    update,
)

__all__ = [
    "Canvas",
    "CanvasBase",
    "CanvasCreate",
    "CanvasRead",
    "CanvasType",
    "CanvasUpdate",
    "create",
    "delete",
    "delete_by_slack_canvas_id",
    "get",
    "get_by_canvas_id",
    "get_by_case",
    "get_by_incident",
    "get_by_project",
    "get_by_type",
    "get_or_create_by_case",
    "get_or_create_by_incident",
    "update",
]

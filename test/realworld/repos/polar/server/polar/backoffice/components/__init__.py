from . import _accordion as accordion
from . import _datatable as datatable
from . import _description_list as description_list
from . import _input as input
from . import _navigation as navigation
from ._action_bar import action_bar
from ._alert import alert
from ._button import button
from ._confirmation_dialog import confirmation_dialog
from ._dispute_status_badge import dispute_status_badge
from ._evidence_due_label import evidence_due_label
from ._layout import layout
from ._metric_card import metric_card
from ._modal import modal
from ._state import card, empty_state, loading_state
from ._status_badge import status_badge
from ._support_tier_badge import support_tier_badge
from ._tab_nav import Tab, tab_nav

__all__ = [
    "Tab",
    "accordion",
    "action_bar",
    "alert",
    "button",
    "card",
    "confirmation_dialog",
    "datatable",
    "description_list",
    "dispute_status_badge",
    "empty_state",
    "evidence_due_label",
    "input",
    "layout",
    "loading_state",
    "metric_card",
    "modal",
    "navigation",
    "status_badge",
    "support_tier_badge",
    "tab_nav",
]

"""The picker station: cart set-up, route-ordered tasks by scan, shorts, skips and undo."""

from ui.picker.home import PickerHome

__all__ = ["PickerHome"]

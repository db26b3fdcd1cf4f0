"""The shift lead's console: waves, board, exceptions, KPIs and order lookup."""

from ui.lead.home import LeadHome

__all__ = ["LeadHome"]

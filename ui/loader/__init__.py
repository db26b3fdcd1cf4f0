"""The loader station screen (issue 17): `LoaderHome`."""

from ui.loader.home import LoaderHome

__all__ = ["LoaderHome"]

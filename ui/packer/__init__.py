"""The packing station screen (issue 7): `PackerHome`."""

from ui.packer.home import PackerHome

__all__ = ["PackerHome"]

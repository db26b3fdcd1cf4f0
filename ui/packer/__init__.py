"""The packing station screen: `PackerHome`."""

from ui.packer.home import PackerHome

__all__ = ["PackerHome"]

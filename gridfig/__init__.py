"""gridfig: publication figures composed from declarative panels."""

__version__ = "0.1.0"

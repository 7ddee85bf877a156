"""CPLC Desk: the offline-first desk application for CPLC Karachi station desks and headquarters."""

__version__ = "0.1.0"

"""kiosk: the touchscreen exhibition app for the 2023 Zhongguancun Forum booth."""

__version__ = "0.1.0"

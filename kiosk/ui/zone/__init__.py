"""Drawn widgets of the bonded-zone section: the site plan, the "2+2+N" spectrum, the timeline.

All three paint themselves with QPainter from the design tokens (no image files), so they are
crisp at any size. Text sizes come from TYPE scaled by the design *factor*; the site plan also
scales with its own size.

:mod:`~kiosk.ui.zone.plan` draws the site plan, :mod:`~kiosk.ui.zone.spectrum` the spectrum,
:mod:`~kiosk.ui.zone.timeline` the timeline; :mod:`~kiosk.ui.zone.drawing` holds what they share.
"""

from kiosk.ui.zone.plan import AreaButton, SitePlan
from kiosk.ui.zone.spectrum import SpectrumDiagram
from kiosk.ui.zone.timeline import Timeline

__all__ = ["AreaButton", "SitePlan", "SpectrumDiagram", "Timeline"]

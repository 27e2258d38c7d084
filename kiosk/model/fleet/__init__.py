"""A fleet of kiosks through a synchronised folder: releases, verification, status, statistics.

The kiosk has no network code: a fleet folder (kept in step by Syncthing or any share) holds

* ``releases/<id>/`` immutable content releases with a ``manifest.json``, and ``releases/current``
  (one line: the id of the release every kiosk should show);
* ``status/<kiosk id>.json`` each kiosk's heartbeat document;
* ``stats/<kiosk id>/<YYYY-MM-DD>.sqlite3`` consistent copies of each kiosk's statistics.

This package imports nothing from Qt.
"""

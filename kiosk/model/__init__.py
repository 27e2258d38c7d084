"""The Qt-free model: navigation, the session, settings, opening hours, the PIN, analytics."""

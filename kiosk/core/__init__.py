"""Qt-free model core of the kiosk: settings, PIN, navigation and idle state."""

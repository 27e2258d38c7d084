"""Qt widgets of the kiosk. Views read the content model and never own or change it."""

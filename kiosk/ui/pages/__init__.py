"""The kiosk's pages: one widget per route, built from the content and thrown away after use."""

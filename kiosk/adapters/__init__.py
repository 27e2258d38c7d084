"""Qt services without widgets: resources, fonts, timers on the model (recorder, opening hours,
content watcher, heartbeat), the display keeper, exception containment."""

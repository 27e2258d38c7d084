"""Qt-free plumbing every layer may use: paths, logging, memory, the watchdog protocol."""

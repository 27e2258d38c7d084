"""Commands of the `kiosk` command line: run, check, render, stats, set-pin,
supervise, install-desktop."""

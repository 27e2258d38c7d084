"""What the watchdog (``kiosk supervise``) and the kiosk it runs agree on."""

#: The environment variable that tells the kiosk where to write its heartbeat.
ENV = "KIOSK_HEARTBEAT"
#: The exit code with which the kiosk asks for a restart (EX_TEMPFAIL).
EXIT_RESTART = 75

#: The flag the supervisor adds to the kiosk's command line after too many quick crashes.
OUT_OF_ORDER_FLAG = "--out-of-order"

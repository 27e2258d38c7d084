#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle of the kiosk and prove it runs.
#
#   bash packaging/build_bundle.sh [OUTDIR]       (default OUTDIR: a new temporary folder)
#
# Makes a throwaway virtual environment, installs the kiosk and PyInstaller into it, builds
# packaging/kiosk.spec into OUTDIR/dist/kiosk, then, from the bundle alone:
#   1. `kiosk-cli --version` and `kiosk-cli check --no-fit` (resources, fonts, content),
#   2. starts `kiosk --windowed` offscreen and waits for "kiosk started" in its log, checks it is
#      still running three seconds later and stops it.
# Needs Python 3.11+ with venv and the network to PyPI. On Windows run the same steps in
# PowerShell (see README).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$(mktemp -d -t kiosk-bundle.XXXXXX)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PYTHON=${PYTHON:-python3}
echo "== building in $OUT"
"$PYTHON" -m venv "$OUT/venv"
"$OUT/venv/bin/pip" install --quiet --upgrade pip
"$OUT/venv/bin/pip" install --quiet "$ROOT[bundle]"
(cd "$OUT" && "$OUT/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/build" "$ROOT/packaging/kiosk.spec")
BUNDLE="$OUT/dist/kiosk"
echo "== bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $(find "$BUNDLE" -type f | wc -l) files)"

# A private home: logs, settings and statistics of this run stay in OUT.
export HOME="$OUT/home" XDG_CONFIG_HOME="$OUT/home/config" XDG_DATA_HOME="$OUT/home/data"
export XDG_STATE_HOME="$OUT/home/state" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
echo "== kiosk-cli --version"
"$BUNDLE/kiosk-cli" --version
echo "== kiosk-cli check --no-fit"
"$BUNDLE/kiosk-cli" check --no-fit

echo "== kiosk --windowed (offscreen)"
LOG="$XDG_STATE_HOME/kiosk/log/kiosk.log"
"$BUNDLE/kiosk" --windowed > "$OUT/kiosk.out" 2>&1 &
PID=$!
for _ in $(seq 600); do
    if grep -q "kiosk started" "$LOG" 2>/dev/null; then break; fi
    if ! kill -0 "$PID" 2>/dev/null; then
        echo "the bundled kiosk exited early:"; cat "$OUT/kiosk.out"; exit 1
    fi
    sleep 0.1
done
grep -q "kiosk started" "$LOG" || { echo "no 'kiosk started' in $LOG"; kill "$PID"; exit 1; }
sleep 3
kill -0 "$PID" || { echo "the bundled kiosk died after starting:"; cat "$OUT/kiosk.out"; exit 1; }
kill -TERM "$PID"
wait "$PID" || true
grep -E "kiosk started|ERROR|CRITICAL" "$LOG" | head -20
echo "== OK: the bundle runs ($BUNDLE)"

"""Check read-aloud by hand with the real engine: what the kiosk says, spoken by espeak-ng and
by Qt's speech-dispatcher engine.

1. Builds the kiosk offscreen with read-aloud on and a recording engine, opens Home and the themes
   in Chinese and in English, and prints the sentences the read-aloud model produced.
2. Has espeak-ng speak each sentence to a WAV file (``-v cmn`` / ``-v en-us``) and checks the file
   with Python's ``wave``: longer than half a second, and not silent.
3. Has the kiosk's engine (``kiosk.adapters.speech.QtSpeech``, by default ``speechd``) say the
   first sentence of each language and waits for it to report "Speaking".

Run in a checkout: ``QT_QPA_PLATFORM=offscreen python tools/speech_check.py [engine [lang…]]``
(step 3 for the languages named, by default zh and en). Needs
PySide6-Addons (``pip install '.[speech]'``) and speech-dispatcher with espeak-ng. Exit status 0
when every check passed.
"""

from __future__ import annotations

import array
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import create_application, load_content  # noqa: E402
from kiosk.content import Lang  # noqa: E402
from kiosk.model.navigation import Route  # noqa: E402
from kiosk.model.session import Session  # noqa: E402
from kiosk.model.settings import Settings  # noqa: E402
from kiosk.ui.readaloud import ReadAloudView  # noqa: E402
from kiosk.ui.shell import Shell  # noqa: E402

ESPEAK_VOICES: dict[str, str] = {"zh": "cmn", "en": "en-us"}


class Recorder:
    """An engine that keeps what it is told to say."""

    def __init__(self) -> None:
        self.said: list[tuple[str, Lang]] = []

    def languages(self) -> frozenset[Lang]:
        return frozenset({"zh", "en"})

    def say(self, text: str, lang: Lang) -> None:
        self.said.append((text, lang))

    def stop(self) -> None:
        pass


def wait(app: QApplication, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def sentences(app: QApplication) -> list[tuple[str, Lang]]:
    """What the read-aloud model says on Home and the themes, in Chinese, then in English."""
    settings = Settings.defaults().replace(transition_ms=150)
    session = Session(load_content(None), settings)
    shell = Shell(session, kiosk_mode=False, animate=False)
    shell.resize(1920, 1080)
    shell.show()
    recorder = Recorder()
    ReadAloudView(shell, shell, recorder)
    shell.nav.home()
    wait(app, 200)
    session.set_mode("speech", True)
    wait(app, 100)
    shell.nav.go(Route("themes"))
    wait(app, 200)
    session.set_language("en")
    wait(app, 200)
    shell.nav.home()
    wait(app, 200)
    shell.allow_close()
    shell.close()
    return recorder.said


def espeak(text: str, lang: str, folder: Path) -> tuple[bool, str]:
    """Speak *text* with espeak-ng to a WAV file; whether it is long enough and not silent."""
    path = folder / f"{lang}-{abs(hash(text))}.wav"
    subprocess.run(
        ["espeak-ng", "-v", ESPEAK_VOICES[lang], "-w", str(path), text], check=True, timeout=60
    )
    with wave.open(str(path)) as wav:
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
        width = wav.getsampwidth()
    samples = array.array("h", frames) if width == 2 else array.array("b", frames)
    peak = max((abs(s) for s in samples), default=0)
    ok = seconds > 0.5 and peak > 1000
    return ok, f"{seconds:.2f} s, peak {peak}"


def speechd(app: QApplication, text: str, lang: Lang, engine_name: str) -> bool:
    """Have the kiosk's engine (a new one) say *text*; whether it reached the Speaking state."""
    from kiosk.adapters.speech import QtSpeech

    engine = QtSpeech(engine_name)
    states: list[str] = []
    languages: list[frozenset[Lang]] = []
    engine.state.connect(states.append)
    engine.ready.connect(languages.append)
    engine.start()
    for _ in range(300):
        if languages:
            break
        wait(app, 100)
    if not languages or lang not in languages[0]:
        print(f"engine {engine_name}: no voice for {lang} ({languages})")
        engine.close()
        return False
    engine.say(text, lang)
    for _ in range(150):
        if "Speaking" in states:
            break
        wait(app, 100)
    spoke = "Speaking" in states
    wait(app, 1000)
    engine.stop()
    wait(app, 500)
    engine.close()
    print(f"engine {engine_name} {lang}: {'Speaking' if spoke else 'never Speaking'}")
    print(f"  states: {' > '.join(states) or 'none'}")
    return spoke


def main() -> int:
    engine_name = sys.argv[1] if len(sys.argv) > 1 else "speechd"
    spoken = sys.argv[2:] or ["zh", "en"]
    app = create_application("speech_check")
    said = sentences(app)
    print("The read-aloud model said:")
    for text, lang in said:
        print(f"  {lang}: {text}")
    ok = bool(said) and {"zh", "en"} <= {lang for _, lang in said}
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed")
        ok = False
    else:
        with tempfile.TemporaryDirectory() as folder:
            for text, lang in said:
                good, what = espeak(text, lang, Path(folder))
                ok = ok and good
                print(f"espeak-ng {lang}: {'ok' if good else 'FAILED'} ({what})")
    firsts = {lang: text for text, lang in reversed(said)}
    for lang, text in firsts.items():
        if lang in spoken:
            ok = speechd(app, text, lang, engine_name) and ok
    print("all checks passed" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

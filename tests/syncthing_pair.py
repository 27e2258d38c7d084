"""Two real Syncthing instances (office and booth) sharing one folder, on loopback only.

Each home is made with ``syncthing generate`` and its ``config.xml`` is rewritten BEFORE the first
``syncthing serve``: GUI/REST API and listen address on 127.0.0.1 with free ports, the other
device's address given as tcp://127.0.0.1:<port> on the side that dials, and global discovery,
local discovery, relays, NAT traversal (UPnP and STUN), usage reporting, crash reporting and
upgrades off. The only traffic is between the two processes and to their REST APIs, on 127.0.0.1.

Only the booth dials, as a kiosk reaches its office. When both dialled at once, Syncthing 1.19
once left both connections waiting on each other's Hello until its 20 s deadline, both sides
dropped them and the pair was still apart when the test gave up (CI). The office's entry for the
booth says "dynamic", which with discovery off resolves to no address: it only answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

FOLDER_ID = "kiosk-fleet"
#: Options written into <options>, each for a reason (see the module docstring).
OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "stunKeepaliveStartS": "0",
    "stunKeepaliveMinS": "0",
    "urAccepted": "-1",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "announceLANAddresses": "false",
    "reconnectionIntervalS": "1",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    """One Syncthing: its home, folder, ports, API key and process."""

    name: str
    home: Path
    folder: Path
    gui_port: int = field(default_factory=free_port)
    listen_port: int = field(default_factory=free_port)
    device_id: str = ""
    api_key: str = ""
    process: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None

    def generate(self, syncthing: str) -> None:
        out = subprocess.run(
            [syncthing, "generate", "--home", str(self.home), "--no-default-folder"],
            capture_output=True,
            text=True,
            check=True,
            env=environment(),
        )
        for line in (out.stdout + out.stderr).splitlines():
            if "Device ID:" in line:
                self.device_id = line.split("Device ID:", 1)[1].strip()
        self.api_key = f"kiosk-test-{self.name}-{self.gui_port}"

    def configure(self, other: Instance, *, dials: bool) -> None:
        """Rewrite config.xml for loopback only, the other device and the shared folder.

        ``dials``: this side connects to the other; the other side only answers.
        """
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", self.api_key)
        options = root.find("options")
        assert options is not None
        for stun in options.findall("stunServer") + options.findall("globalAnnounceServer"):
            options.remove(stun)
        _set(options, "listenAddress", f"tcp://127.0.0.1:{self.listen_port}")
        for key, value in OPTIONS.items():
            _set(options, key, value)
        peer = ET.SubElement(root, "device", id=other.device_id, name=other.name)
        peer.set("compression", "metadata")
        address = f"tcp://127.0.0.1:{other.listen_port}" if dials else "dynamic"
        ET.SubElement(peer, "address").text = address
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)
        shared = ET.Element("folder", id=FOLDER_ID, label=FOLDER_ID, path=str(self.folder))
        shared.set("type", "sendreceive")
        shared.set("rescanIntervalS", "3600")
        shared.set("fsWatcherEnabled", "true")
        shared.set("fsWatcherDelayS", "1")
        for device in (self.device_id, other.device_id):
            ET.SubElement(shared, "device", id=device)
        root.insert(0, shared)
        tree.write(path)

    def start(self, syncthing: str) -> None:
        self.log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            [syncthing, "serve", "--home", str(self.home), "--no-browser", "--no-restart"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=environment(),
        )

    def api(self, method: str, path: str) -> Any:
        """Call the REST API on 127.0.0.1; the decoded JSON (None when empty)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            headers={"X-API-Key": self.api_key},
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # loopback only
            body = response.read()
        return json.loads(body) if body.strip() else None

    def answers(self) -> bool:
        try:
            return bool(self.api("GET", "/rest/system/ping"))
        except OSError:
            return False

    def connected_to(self, other: Instance) -> bool:
        try:
            connections = self.api("GET", "/rest/system/connections")["connections"]
        except OSError:
            return False
        return bool(connections.get(other.device_id, {}).get("connected"))

    def scan(self) -> None:
        with contextlib.suppress(OSError):
            self.api("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(OSError):
                self.api("POST", "/rest/system/shutdown")
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()

    def log_text(self) -> str:
        path = self.home / "syncthing.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def environment() -> dict[str, str]:
    """Syncthing's environment: no upgrades, no default folder, no restarts by a monitor."""
    return {**os.environ, "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "STNORESTART": "1"}


def syncthing_binary() -> str | None:
    return shutil.which("syncthing")


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text

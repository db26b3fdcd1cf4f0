"""A private cupsd for the tests: its own config folder, socket and port, a cups-pdf queue.

It never touches the system cupsd or /etc/cups. cups-pdf (a backend run as root) writes into the
folder its own config names, `Out ${HOME}/PDF` on Debian: the tests find the job there by title.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")

CUPSD_CONF = """\
Listen {root}/cups.sock
Listen 127.0.0.1:{port}
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
"""
CUPS_FILES_CONF = """\
ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/tmp
CacheDir {root}/cache
StateDir {root}/state
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
SystemGroup root
"""


def missing_parts() -> str:
    """Why a private cupsd with a PDF queue cannot run here, or '' when it can."""
    if os.geteuid() != 0:
        return "needs root: cupsd and the cups-pdf backend run as root"
    for tool in ("cupsd", "lpadmin", "lp", "lpstat"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} missing (Debian: cups, cups-client)"
    if not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
        return "cups-pdf missing (Debian: printer-driver-cups-pdf)"
    return ""


class PrivateCupsd:
    def __init__(self) -> None:
        # Not pytest's tmp_path: the filters run as user lp and must reach these folders.
        self.root = Path(tempfile.mkdtemp(prefix="shipshape-cupsd-"))
        self.root.chmod(0o755)
        for sub in ("etc", "spool", "cache", "state", "log", "tmp"):
            (self.root / sub).mkdir()
        (self.root / "tmp").chmod(0o1777)
        self.port = _free_port()
        (self.root / "etc" / "cupsd.conf").write_text(
            CUPSD_CONF.format(root=self.root, port=self.port)
        )
        (self.root / "etc" / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=self.root))
        self.server = str(self.root / "cups.sock")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        self.process = subprocess.Popen(
            [cupsd, "-f", "-c", str(self.root / "etc" / "cupsd.conf"),
             "-s", str(self.root / "etc" / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd exited: {self.process.stderr.read().decode()}")
            probe = subprocess.run(["lpstat", "-h", self.server, "-r"], capture_output=True)
            if b"is running" in probe.stdout:
                return
            time.sleep(0.2)
        raise RuntimeError("cupsd did not start within 20 s")

    def add_pdf_queue(self, name: str) -> None:
        subprocess.run(
            ["lpadmin", "-h", self.server, "-p", name, "-E", "-v", "cups-pdf:/",
             "-P", str(CUPS_PDF_PPD)],
            check=True, capture_output=True,
        )  # fmt: skip

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.root, ignore_errors=True)

    def error_log(self) -> str:
        log = self.root / "log" / "error_log"
        return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def cups_pdf_output_folder() -> Path:
    """Where cups-pdf writes jobs of the current user (its `Out` setting)."""
    home = pwd.getpwuid(os.geteuid()).pw_dir
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            match = re.match(r"^\s*Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    return Path(out.replace("${HOME}", home))


def wait_for_output(folder: Path, title: str, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sorted(folder.glob(f"{title}*.pdf")) if folder.exists() else []
        if found and found[0].stat().st_size > 0:
            time.sleep(0.3)  # cups-pdf writes, then sets permissions: let it finish
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF titled {title} appeared in {folder} within {timeout} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

"""Fetch Microsoft's Web Chat bundle from the npm registry, pinned and checked, into static/webchat/.

`make webchat` runs this. It runs `npm pack botframework-webchat@VERSION`, checks the tarball
against the registry's sha512 integrity recorded below, and extracts dist/webchat.js and its
third-party licence notices. Nothing is committed but this script and static/webchat/LICENSE.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.18.1"
INTEGRITY = "sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg=="
FILES = {"package/dist/webchat.js": "webchat.js",
         "package/dist/webchat.js.LICENSE.txt": "webchat.js.LICENSE.txt"}
OUT = Path(__file__).resolve().parents[1] / "static" / "webchat"


def integrity_of(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def main() -> int | str:
    if shutil.which("npm") is None:
        return "npm is needed to fetch Web Chat: apt-get install -y npm"
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(["npm", "pack", f"botframework-webchat@{VERSION}", "--silent",
                                 "--pack-destination", tmp], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return f"npm pack failed: {result.stderr.strip()[-500:]}"
        tarball = Path(tmp) / f"botframework-webchat-{VERSION}.tgz"
        if integrity_of(tarball) != INTEGRITY:
            return f"{tarball.name} does not match the pinned integrity {INTEGRITY}: refusing to use it"
        with tarfile.open(tarball, "r:gz") as archive:
            for member, name in FILES.items():
                source = archive.extractfile(member)
                if source is None:
                    return f"{member} is missing from {tarball.name}"
                OUT.mkdir(parents=True, exist_ok=True)
                (OUT / name).write_bytes(source.read())
    (OUT / "VERSION").write_text(VERSION + "\n", encoding="utf-8")
    print(f"Web Chat {VERSION} is in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Report content encrypted at rest: AES-256-GCM with a key from the environment.

REPORT_ENCRYPTION_KEY holds 32 random bytes, base64 (urlsafe or standard). Without it (for
development) a key is generated once into DATA_DIR/report.key with mode 0600. The reference
is bound in as associated data, so ciphertext cannot be moved between reports.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

PREFIX = "v1:"
KEY_FILE = "report.key"


class EncryptionKeyError(ValueError):
    """The encryption key is missing or malformed."""


class DecryptError(RuntimeError):
    """Stored content does not decrypt with this key (wrong key, or tampered)."""


def generate_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def parse_key(raw: str) -> bytes:
    text = raw.strip()
    for decode in (base64.urlsafe_b64decode, base64.b64decode):
        try:
            key = decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            continue
        if len(key) == 32:
            return key
    raise EncryptionKeyError("must be 32 random bytes in base64, e.g. from "
                    "python -c \"import secrets,base64;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())\"")


def development_key(data_dir: Path) -> bytes:
    """Read DATA_DIR/report.key, creating it (mode 0600) on first use."""
    path = Path(data_dir) / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            raise EncryptionKeyError(f"{path} must be readable by its owner only (chmod 600 {path})") from None
        return parse_key(path.read_text(encoding="ascii"))
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(generate_key() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    log.warning("REPORT_ENCRYPTION_KEY is not set: generated a development key in %s; "
                "set REPORT_ENCRYPTION_KEY in production and keep it safe", path)
    return parse_key(path.read_text(encoding="ascii"))


class Cipher:
    """Encrypts JSON-able content bound to a reference."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)

    def seal(self, reference: str, content) -> str:
        nonce = secrets.token_bytes(12)
        plain = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
        sealed = self._aead.encrypt(nonce, plain, reference.encode())
        return PREFIX + base64.b64encode(nonce + sealed).decode()

    def open(self, reference: str, token: str):
        if not token.startswith(PREFIX):
            raise DecryptError("unknown ciphertext format")
        try:
            raw = base64.b64decode(token[len(PREFIX):])
            plain = self._aead.decrypt(raw[:12], raw[12:], reference.encode())
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise DecryptError("content does not decrypt with this key") from exc
        return json.loads(plain)

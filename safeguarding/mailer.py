"""Alert emails through SMTP (aiosmtplib). The message carries no report content."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    username: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    starttls: bool = True
    timeout: float = 20.0


def alert_email(config: SmtpConfig, to: str, subject: str, body: str, message_key: str) -> EmailMessage:
    """One alert email; the Message-ID is fixed per delivery so a resend can be recognised."""
    msg = EmailMessage()
    msg["From"] = config.sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(usegmt=True)
    domain = config.sender.rsplit("@", 1)[-1] if "@" in config.sender else "localhost"
    msg["Message-ID"] = f"<{hashlib.sha256(message_key.encode()).hexdigest()[:32]}@{domain}>"
    msg.set_content(body)
    return msg


async def send_email(config: SmtpConfig, message: EmailMessage) -> None:
    """Send one message; raises aiosmtplib.SMTPException or OSError on failure."""
    await aiosmtplib.send(message, hostname=config.host, port=config.port, username=config.username or None,
                          password=config.password or None, start_tls=config.starttls, timeout=config.timeout)

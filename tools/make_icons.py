"""Draw the Teams app icons: manifest/teams/color.png (192x192) and outline.png (32x32, white on transparent).

Run `.venv/bin/python tools/make_icons.py` after `make .venv/.dev` (Pillow is a dev dependency);
the PNGs are committed, so building the package needs no Pillow.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "manifest" / "teams"
ACCENT = (31, 78, 121, 255)  # #1F4E79, the manifest's accentColor
WHITE = (255, 255, 255, 255)


def bubble(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], width: int, fill, outline) -> None:
    """A speech bubble with a tail at the bottom left."""
    left, top, right, bottom = box
    radius = (bottom - top) // 4
    draw.rounded_rectangle(box, radius=radius, fill=fill, outline=outline, width=width)
    tail = [(left + radius, bottom - width), (left + radius // 2, bottom + radius), (left + 2 * radius, bottom - width)]
    draw.polygon(tail, fill=outline if fill is None else fill, outline=outline)


def color_icon() -> Image.Image:
    """Full-colour icon: a white speech bubble with three text lines on the accent colour."""
    image = Image.new("RGBA", (192, 192), ACCENT)
    draw = ImageDraw.Draw(image)
    bubble(draw, (36, 44, 156, 128), 0, WHITE, WHITE)
    for i, width in enumerate((84, 72, 48)):
        y = 62 + i * 20
        draw.rounded_rectangle((54, y, 54 + width, y + 8), radius=4, fill=ACCENT)
    return image


def outline_icon() -> Image.Image:
    """Outline icon: a white speech bubble outline on a transparent background."""
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    bubble(draw, (3, 5, 28, 22), 2, None, WHITE)
    draw.line((9, 11, 22, 11), fill=WHITE, width=2)
    draw.line((9, 16, 18, 16), fill=WHITE, width=2)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    color_icon().save(OUT / "color.png", optimize=True)
    outline_icon().save(OUT / "outline.png", optimize=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draws PaperBot's Teams icons (a page with lines of text) as PNGs, with the standard library only.

color.png: 192x192, full colour. outline.png: 32x32, white on transparent (Teams' rule for outline icons).
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BLUE = (0x2B, 0x57, 0x97, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def page(scale, x, y):
    """The page: a rectangle with a folded corner and four lines of text, in a 32x32 design grid."""
    gx, gy = x / scale, y / scale
    on_page = 8 <= gx < 24 and 4 <= gy < 28 and not (gx - 18 > gy - 4)  # folded top-right corner
    on_line = any(11 <= gx < (21 if i < 3 else 17) and row <= gy < row + 1.2 for i, row in enumerate((10, 14, 18, 22)))
    return on_page, on_line


def color(x, y):
    on_page, on_line = page(6, x, y)
    return BLUE if on_line or not on_page else WHITE


def outline(x, y):
    on_page, on_line = page(1, x, y)
    return WHITE if on_page and not on_line else CLEAR


png(os.path.join(HERE, "color.png"), 192, 192, color)
png(os.path.join(HERE, "outline.png"), 32, 32, outline)

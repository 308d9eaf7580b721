"""Featured images for the demo, drawn locally with Pillow (nothing is downloaded).

One composition per topic (a civic skyline, rooftops, river waves, a transit map, a chart...), varied by a seed so
no two articles share a picture. Each drawing returns the JPEG bytes and an alt text that describes what was
actually drawn, so the alt text stays true if a drawing changes.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675
# Drawn at twice the size and scaled down: Pillow's shapes have no anti-aliasing of their own.
SCALE = 2

RGB = tuple[int, int, int]
# Coordinates as ImageDraw takes them: flat numbers or (x, y) points.
Shape = Sequence[float] | Sequence[tuple[float, float]]


class _Pen:
    """ImageDraw in 1200x675 coordinates on a canvas SCALE times larger."""

    def __init__(self, image: Image.Image) -> None:
        self._draw = ImageDraw.Draw(image)

    @staticmethod
    def _xy(xy: Shape) -> list[float]:
        flat: list[float] = []
        for item in xy:
            if isinstance(item, tuple):
                flat.extend(v * SCALE for v in item)
            else:
                flat.append(item * SCALE)
        return flat

    def rectangle(self, xy: Shape, *, fill: RGB) -> None:
        self._draw.rectangle(self._xy(xy), fill=fill)

    def rounded_rectangle(self, xy: Shape, radius: float, *, fill: RGB) -> None:
        self._draw.rounded_rectangle(self._xy(xy), radius * SCALE, fill=fill)

    def ellipse(self, xy: Shape, width: int = 1, *, fill: RGB, outline: RGB | None = None) -> None:
        self._draw.ellipse(self._xy(xy), width=width * SCALE, fill=fill, outline=outline)

    def pieslice(self, xy: Shape, start: float, end: float, *, fill: RGB) -> None:
        self._draw.pieslice(self._xy(xy), start, end, fill=fill)

    def polygon(self, xy: Shape, *, fill: RGB) -> None:
        self._draw.polygon(self._xy(xy), fill=fill)

    def line(self, xy: Shape, width: int = 1, *, fill: RGB, joint: Literal["curve"] | None = None) -> None:
        self._draw.line(self._xy(xy), width=width * SCALE, fill=fill, joint=joint)


def _canvas(colour: RGB) -> Image.Image:
    return Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), colour)


@dataclass(frozen=True)
class Drawing:
    data: bytes
    alt: str


# Palettes: (sky top, sky bottom, foreground, accent, name of the mood for the alt text).
_SKIES: list[tuple[RGB, RGB, RGB, RGB, str]] = [
    ((28, 42, 84), (238, 150, 96), (24, 26, 44), (255, 214, 120), "a dusk sky fading from indigo to orange"),
    ((96, 160, 214), (214, 234, 244), (44, 62, 80), (255, 246, 200), "a pale blue morning sky"),
    ((60, 36, 90), (232, 120, 122), (30, 20, 42), (255, 190, 140), "a violet and coral sunset"),
    ((20, 60, 72), (122, 196, 190), (14, 36, 44), (240, 250, 220), "a teal early-evening sky"),
    ((180, 96, 60), (250, 208, 150), (70, 38, 30), (255, 240, 210), "a warm amber sky"),
]


def _gradient(top: RGB, bottom: RGB) -> Image.Image:
    """A vertical gradient, built as a 1-pixel column and stretched (fast)."""
    rows = HEIGHT * SCALE
    column = Image.new("RGB", (1, rows))
    for y in range(rows):
        t = y / (rows - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((WIDTH * SCALE, rows), Image.Resampling.NEAREST)


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _civic(rng: random.Random) -> tuple[Image.Image, str]:
    top, bottom, ink, accent, mood = rng.choice(_SKIES)
    img = _gradient(top, bottom)
    draw = _Pen(img)
    sun_x, sun_y, r = rng.randint(150, 1050), rng.randint(140, 260), rng.randint(50, 80)
    draw.ellipse((sun_x - r, sun_y - r, sun_x + r, sun_y + r), fill=accent)
    # Distant towers in a lighter shade, then the civic building in front.
    far = _mix(ink, bottom, 0.55)
    x = 0
    while x < WIDTH:
        w, h = rng.randint(40, 110), rng.randint(120, 300)
        draw.rectangle((x, HEIGHT - 140 - h, x + w, HEIGHT), fill=far)
        x += w + rng.randint(0, 20)
    cx = rng.randint(420, 780)
    base = HEIGHT - 110
    draw.rectangle((cx - 260, base - 190, cx + 260, HEIGHT), fill=ink)
    draw.polygon([(cx - 290, base - 190), (cx, base - 260), (cx + 290, base - 190)], fill=ink)
    draw.rectangle((cx - 70, base - 330, cx + 70, base - 250), fill=ink)
    draw.pieslice((cx - 90, base - 420, cx + 90, base - 240), 180, 360, fill=ink)
    draw.rectangle((cx - 6, base - 470, cx + 6, base - 415), fill=ink)
    for i in range(7):  # columns show as gaps of sky-coloured light
        col_x = cx - 210 + i * 70
        draw.rectangle((col_x, base - 170, col_x + 16, base - 20), fill=_mix(ink, accent, 0.35))
    draw.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT), fill=_mix(ink, (0, 0, 0), 0.3))
    return img, f"Illustration: the silhouette of a domed, columned civic building in front of {mood}."


def _rooftops(rng: random.Random) -> tuple[Image.Image, str]:
    top, bottom, ink, accent, mood = rng.choice(_SKIES)
    img = _gradient(top, bottom)
    draw = _Pen(img)
    rows = [(HEIGHT - 260, _mix(ink, bottom, 0.5)), (HEIGHT - 150, _mix(ink, bottom, 0.25)), (HEIGHT - 40, ink)]
    lit = 0
    for baseline, colour in rows:
        x = rng.randint(-60, 0)
        while x < WIDTH:
            w, h = rng.randint(90, 170), rng.randint(90, 160)
            roof = rng.randint(40, 80)
            draw.rectangle((x, baseline - h, x + w, HEIGHT), fill=colour)
            draw.polygon([(x - 8, baseline - h), (x + w / 2, baseline - h - roof), (x + w + 8, baseline - h)],
                         fill=colour)
            for wy in range(baseline - h + 20, baseline - 20, 44):
                for wx in range(x + 18, x + w - 30, 42):
                    if rng.random() < 0.45:
                        draw.rectangle((wx, wy, wx + 20, wy + 24), fill=accent)
                        lit += 1
            x += w + rng.randint(6, 24)
    return img, f"Illustration: three rows of pitched rooftops under {mood}, with {lit} windows lit."


def _river(rng: random.Random) -> tuple[Image.Image, str]:
    top, bottom, _ink, accent, mood = rng.choice(_SKIES)
    img = _gradient(top, bottom)
    draw = _Pen(img)
    sun_x, r = rng.randint(200, 1000), rng.randint(60, 100)
    horizon = rng.randint(300, 360)
    draw.ellipse((sun_x - r, horizon - r - 40, sun_x + r, horizon + r - 40), fill=accent)
    for layer, (shade, height) in enumerate([((96, 130, 110), 110), ((56, 92, 76), 60)]):
        points: list[tuple[float, float]] = [(0, HEIGHT)]
        phase = rng.random() * 6
        for x in range(0, WIDTH + 20, 20):
            points.append((x, horizon - height * (0.6 + 0.4 * math.sin(x / (260 - layer * 80) + phase)) + 10))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=_mix(shade, bottom, 0.25))
    water_top = (40, 90, 130)
    bands = 9
    for i in range(bands):
        y0 = horizon + i * (HEIGHT - horizon) / bands
        colour = _mix(water_top, (12, 34, 60), i / bands)
        amplitude, wavelength, shift = 6 + i * 2, 90 + i * 18, rng.random() * 6
        wave: list[tuple[float, float]] = [(0, HEIGHT)]
        for x in range(0, WIDTH + 10, 10):
            wave.append((x, y0 + amplitude * math.sin(x / wavelength * math.tau / 6 + shift)))
        wave.append((WIDTH, HEIGHT))
        draw.polygon(wave, fill=colour)
        for _ in range(6):  # glints of the sun on the water
            gx = sun_x + rng.randint(-160, 160)
            draw.line((gx, y0 + 10, gx + rng.randint(20, 60), y0 + 10), fill=accent, width=3)
    return img, f"Illustration: a river in bands of blue waves below green-grey hills and {mood}, the sun low."


_LINE_COLOURS: list[tuple[RGB, str]] = [
    ((220, 60, 50), "red"), ((30, 110, 200), "blue"), ((40, 160, 90), "green"),
    ((240, 170, 30), "yellow"), ((140, 70, 170), "purple"), ((20, 160, 170), "teal"),
]


def _transit(rng: random.Random) -> tuple[Image.Image, str]:
    img = _canvas((246, 243, 236))
    draw = _Pen(img)
    river = [(x, 470 + 40 * math.sin(x / 170)) for x in range(-20, WIDTH + 40, 20)]
    draw.line(river, fill=(190, 214, 232), width=70, joint="curve")
    lines = rng.sample(_LINE_COLOURS, rng.randint(3, 4))
    stations = 0
    for index, (colour, _name) in enumerate(lines):
        y = 120 + index * 120 + rng.randint(-20, 20)
        x, points = 60, [(60, y)]
        while x < WIDTH - 60:
            step = rng.randint(120, 220)
            x = min(WIDTH - 60, x + step)
            if rng.random() < 0.4:
                y = max(80, min(HEIGHT - 80, y + rng.choice([-1, 1]) * step // 2))
            points.append((x, y))
        draw.line(points, fill=colour, width=16, joint="curve")
        for px, py in points:
            draw.ellipse((px - 15, py - 15, px + 15, py + 15), fill=(255, 255, 255), outline=(40, 40, 48), width=5)
            stations += 1
    names = ", ".join(name for _, name in lines)
    return img, (f"Illustration: a stylised transit map with {len(lines)} lines ({names}) and {stations} "
                 "stations crossing a pale blue river.")


def _shapes(rng: random.Random) -> tuple[Image.Image, str]:
    background = rng.choice([(244, 236, 222), (32, 36, 52), (236, 242, 240)])
    palette = [(230, 90, 60), (245, 190, 60), (40, 120, 170), (60, 160, 130), (200, 80, 120), (30, 40, 60)]
    img = _canvas(background)
    draw = _Pen(img)
    cell = 150
    counts = {"circles": 0, "half-circles": 0, "triangles": 0}
    for gy in range(0, HEIGHT, cell):
        for gx in range(0, WIDTH, cell):
            colour = rng.choice([c for c in palette if abs(sum(c) - sum(background)) > 150])
            box = (gx + 10, gy + 10, gx + cell - 10, gy + cell - 10)
            kind = rng.random()
            if kind < 0.35:
                draw.ellipse(box, fill=colour)
                counts["circles"] += 1
            elif kind < 0.65:
                start = rng.choice([0, 90, 180, 270])
                draw.pieslice((gx + 10, gy + 10, gx + cell - 10, gy + cell - 10), start, start + 180, fill=colour)
                counts["half-circles"] += 1
            elif kind < 0.9:
                corners = [(gx + 10, gy + cell - 10), (gx + cell - 10, gy + cell - 10), (gx + cell // 2, gy + 10)]
                draw.polygon(corners, fill=colour)
                counts["triangles"] += 1
    tone = "dark" if sum(background) < 300 else "cream"
    return img, (f"Illustration: a grid of bold geometric shapes on a {tone} ground: {counts['circles']} circles, "
                 f"{counts['half-circles']} half-circles and {counts['triangles']} triangles in warm colours.")


def _chart(rng: random.Random) -> tuple[Image.Image, str]:
    img = _canvas(rng.choice([(234, 241, 248), (246, 239, 226), (234, 244, 237)]))
    draw = _Pen(img)
    left, right, top, bottom = 110, WIDTH - 80, 90, HEIGHT - 90
    for i in range(6):
        y = top + i * (bottom - top) / 5
        draw.line((left, y, right, y), fill=(255, 255, 255), width=3)
    count = rng.randint(10, 14)
    values = [rng.uniform(0.25, 0.5)]
    trend = rng.choice([-1, 1])
    for _ in range(count - 1):
        values.append(max(0.08, min(0.95, values[-1] + trend * rng.uniform(0, 0.07) + rng.uniform(-0.05, 0.05))))
    bar_w = (right - left) / count
    bar_colour, line_colour = rng.choice([((150, 196, 226), (200, 70, 50)), ((170, 214, 180), (40, 70, 150)),
                                          ((240, 206, 150), (30, 110, 120))])
    points = []
    for i, value in enumerate(values):
        x0 = left + i * bar_w + bar_w * 0.18
        y = bottom - value * (bottom - top)
        draw.rectangle((x0, y, x0 + bar_w * 0.64, bottom), fill=bar_colour)
        points.append((x0 + bar_w * 0.32, y - 30))
    draw.line(points, fill=line_colour, width=7, joint="curve")
    for x, y in points:
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=line_colour)
    draw.line((left, bottom, right, bottom), fill=(60, 60, 70), width=4)
    direction = "rises" if values[-1] > values[0] else "falls"
    return img, (f"Illustration: a chart of {count} columns with a trend line that {direction} from left to right, "
                 "on a light grid. It shows no real data.")


def _storefronts(rng: random.Random) -> tuple[Image.Image, str]:
    img = _gradient((250, 236, 214), (240, 214, 186))
    draw = _Pen(img)
    awnings = [(200, 64, 56), (36, 110, 140), (232, 170, 50), (70, 140, 90), (120, 70, 130)]
    x, shops = 0, 0
    street = HEIGHT - 80
    while x < WIDTH:
        w = rng.randint(180, 260)
        wall = rng.choice([(120, 84, 70), (86, 96, 110), (150, 120, 96), (70, 80, 72)])
        draw.rectangle((x, 120 + rng.randint(0, 60), x + w - 6, street), fill=wall)
        colour = rng.choice(awnings)
        stripes = 6
        for i in range(stripes):
            sx = x + 10 + i * (w - 26) / stripes
            fill = colour if i % 2 == 0 else (250, 246, 236)
            draw.polygon([(sx, street - 240), (sx + (w - 26) / stripes, street - 240),
                          (sx + (w - 26) / stripes + 6, street - 190), (sx + 6, street - 190)], fill=fill)
        draw.rectangle((x + 20, street - 170, x + w - 26, street - 40), fill=(255, 236, 180))
        draw.rectangle((x + w // 2 - 20, street - 150, x + w // 2 + 20, street), fill=_mix(wall, (0, 0, 0), 0.4))
        x += w
        shops += 1
    draw.rectangle((0, street, WIDTH, HEIGHT), fill=(70, 70, 76))
    for dash in range(0, WIDTH, 80):
        draw.rectangle((dash, street + 36, dash + 40, street + 42), fill=(240, 220, 120))
    return img, f"Illustration: a street of {shops} small shopfronts with striped awnings and lit windows."


def _books(rng: random.Random) -> tuple[Image.Image, str]:
    """Shelves of book spines, for schools and libraries."""
    img = _gradient((236, 226, 206), (214, 198, 170))
    draw = _Pen(img)
    spines = [(178, 60, 52), (44, 96, 140), (64, 128, 90), (222, 168, 60), (120, 72, 120), (40, 52, 70),
              (200, 110, 70), (90, 150, 160)]
    books = 0
    for shelf_y in (300, 600):
        x = 40
        while x < WIDTH - 80:
            w, h = rng.randint(28, 62), rng.randint(170, 250)
            colour = rng.choice(spines)
            if rng.random() < 0.08:  # a book leaning on its neighbour
                draw.polygon([(x, shelf_y), (x + w, shelf_y), (x + w + 50, shelf_y - h + 12), (x + 50, shelf_y - h)],
                             fill=colour)
                x += 50
            else:
                draw.rectangle((x, shelf_y - h, x + w, shelf_y), fill=colour)
                band = _mix(colour, (255, 255, 255), 0.45)
                draw.rectangle((x + 4, shelf_y - h + 24, x + w - 4, shelf_y - h + 32), fill=band)
                draw.rectangle((x + 4, shelf_y - 40, x + w - 4, shelf_y - 34), fill=band)
            x += w + rng.randint(2, 6)
            books += 1
        draw.rectangle((0, shelf_y, WIDTH, shelf_y + 22), fill=(110, 74, 46))
    return img, f"Illustration: two wooden shelves holding {books} book spines in red, blue, green and gold."


def _weave(rng: random.Random) -> tuple[Image.Image, str]:
    """Soft overlapping circles, for health and community stories."""
    base = rng.choice([(226, 240, 236), (236, 232, 246), (246, 236, 230)])
    img = _canvas(base)
    layer = _canvas(base)
    draw = _Pen(layer)
    colours = [(90, 170, 160), (120, 140, 210), (230, 140, 120), (240, 200, 110)]
    count = rng.randint(14, 20)
    for _ in range(count):
        r = rng.randint(60, 200)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours))
    img = Image.blend(img, layer, 0.55).filter(ImageFilter.BoxBlur(3 * SCALE))
    draw = _Pen(img)
    cx, cy = rng.randint(300, 900), rng.randint(220, 450)
    draw.rounded_rectangle((cx - 90, cy - 30, cx + 90, cy + 30), 12, fill=(255, 255, 255))
    draw.rounded_rectangle((cx - 30, cy - 90, cx + 30, cy + 90), 12, fill=(255, 255, 255))
    return img, f"Illustration: {count} soft overlapping circles in teal, blue, coral and gold behind a white cross."


DRAWINGS: dict[str, Callable[[random.Random], tuple[Image.Image, str]]] = {
    "civic": _civic,
    "rooftops": _rooftops,
    "river": _river,
    "transit": _transit,
    "shapes": _shapes,
    "chart": _chart,
    "storefronts": _storefronts,
    "books": _books,
    "weave": _weave,
}


def draw(kind: str, seed: int) -> Drawing:
    """Draw composition ``kind`` (a key of DRAWINGS) with ``seed``; JPEG at 1200x675."""
    image, alt = DRAWINGS[kind](random.Random(seed))
    buffer = io.BytesIO()
    image = image.reduce(SCALE)
    image.save(buffer, "JPEG", quality=84, optimize=True, progressive=True)
    return Drawing(buffer.getvalue(), alt)

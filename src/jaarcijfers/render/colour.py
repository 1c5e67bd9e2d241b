"""Colour science for the charts: contrast (WCAG 2.1), colour-vision-deficiency simulation and CIEDE2000.

- `contrast_ratio`: the WCAG 2.1 contrast ratio of two sRGB colours.
- `simulate(colour, kind)`: how a colour looks to a dichromat, after Machado, Oliveira and Fernandes (2009),
  "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6): the
  matrices for severity 1.0 of protanopia, deuteranopia and tritanopia, applied to linear RGB.
- `delta_e_2000(lab1, lab2)`: the CIEDE2000 colour difference, as in Sharma, Wu and Dalal (2005), "The
  CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data, and Mathematical
  Observations", Color Research and Application 30(1) (tested against their 34 pairs).
- `distinguishable(a, b)`: the smallest ΔE2000 of two colours over normal vision and the three
  simulations; the charts require `MIN_DELTA_E` between the colours of any two series that are not
  directly labelled (docs/publication.md).

Pure Python, no dependencies: a handful of colours per chart.
"""

from __future__ import annotations

import math
from typing import Literal

Deficiency = Literal["protanopia", "deuteranopia", "tritanopia"]
DEFICIENCIES: tuple[Deficiency, ...] = ("protanopia", "deuteranopia", "tritanopia")

MIN_DELTA_E = 10.0
"""Two series colours count as distinguishable when their ΔE2000 is at least this, for normal vision and
under each simulated dichromacy. A just-noticeable difference is about 1-2.3; chart marks are small and
seen side by side with other colours, so the charts ask for a clear difference (see Szafir 2018,
"Modeling Color Difference for Visualization Design", IEEE TVCG 24(1), on mark size)."""

# Machado et al. (2009), severity 1.0, for linear RGB (rows: R', G', B').
MACHADO: dict[Deficiency, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

RGB = tuple[float, float, float]


def rgb(colour: str) -> RGB:
    """'#rrggbb' as sRGB components in 0..1."""
    h = colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def hex_colour(c: RGB) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, x)) * 255):02x}" for x in c)


def linear(c: RGB) -> RGB:
    def f(x: float) -> float:
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    return (f(c[0]), f(c[1]), f(c[2]))


def gamma(c: RGB) -> RGB:
    def f(x: float) -> float:
        x = min(1.0, max(0.0, x))
        return 12.92 * x if x <= 0.0031308 else 1.055 * x ** (1 / 2.4) - 0.055

    return (f(c[0]), f(c[1]), f(c[2]))


def luminance(colour: str) -> float:
    r, g, b = linear(rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(colour: str, kind: Deficiency) -> str:
    """The colour as a dichromat of this kind sees it (Machado et al. 2009, severity 1.0)."""
    m = MACHADO[kind]
    lin = linear(rgb(colour))
    out = tuple(sum(m[i][j] * lin[j] for j in range(3)) for i in range(3))
    return hex_colour(gamma((out[0], out[1], out[2])))


def lab(colour: str) -> RGB:
    """CIE L*a*b* (D65 white) of an sRGB colour."""
    r, g, b = linear(rgb(colour))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e_2000(lab1: RGB, lab2: RGB) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1), following Sharma, Wu and Dalal (2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_bar = (c1 + c2) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)

    def hue(b: float, ap: float) -> float:
        return 0.0 if b == 0 and ap == 0 else math.degrees(math.atan2(b, ap)) % 360

    h1p, h2p = hue(b1, a1p), hue(b2, a2p)
    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar = (l1 + l2) / 2
    cp_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_bar = (h1p + h2p + 360) / 2
    else:
        h_bar = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h))


def delta_e(a: str, b: str) -> float:
    """ΔE2000 of two #rrggbb colours."""
    return delta_e_2000(lab(a), lab(b))


def distinguishable(a: str, b: str) -> float:
    """The smallest ΔE2000 of two colours for normal vision and under each simulated dichromacy."""
    return min([delta_e(a, b)] + [delta_e(simulate(a, kind), simulate(b, kind)) for kind in DEFICIENCIES])

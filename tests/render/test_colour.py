"""The colour science of the charts: CIEDE2000 against Sharma, Wu and Dalal (2005), the dichromacy
simulation of Machado et al. (2009), and the colours every chart uses."""

from __future__ import annotations

import pytest

from jaarcijfers.render import colour

# Sharma, Wu and Dalal (2005), Table 1: L*a*b* of the two colours and ΔE00.
SHARMA = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -1.1848, -84.8006), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -0.9009, -85.5211), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, -1.0000, 2.0000), (50.0000, 0.0000, 0.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0010), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0012), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0010, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2972, 0.0000), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 1.8634, 0.5757), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_sharma(lab1, lab2, expected) -> None:  # type: ignore[no-untyped-def]
    assert round(colour.delta_e_2000(lab1, lab2), 4) == expected
    assert round(colour.delta_e_2000(lab2, lab1), 4) == expected  # symmetric


def test_lab_of_srgb_primaries() -> None:
    # reference values of sRGB (D65) white, black and red in CIE L*a*b*
    assert [round(x, 2) for x in colour.lab("#ffffff")] == [100.0, 0.0, 0.0]
    assert [round(x, 2) for x in colour.lab("#000000")] == [0.0, 0.0, 0.0]
    assert [round(x) for x in colour.lab("#ff0000")] == [53, 80, 67]


def test_simulation_keeps_greys_and_confuses_what_dichromats_confuse() -> None:
    for kind in colour.DEFICIENCIES:
        for grey in ("#000000", "#777777", "#ffffff"):
            assert colour.delta_e(colour.simulate(grey, kind), grey) < 0.5, (kind, grey)
    # red and green: far apart for normal vision, close for a protanope and a deuteranope
    red, green = "#d62728", "#2ca02c"
    assert colour.delta_e(red, green) > 60
    for kind in ("protanopia", "deuteranopia"):
        assert colour.delta_e(colour.simulate(red, kind), colour.simulate(green, kind)) < 25
    # blue and green: a tritanope's confusion, not a protanope's
    blue, teal = "#1f77b4", "#2ca02c"
    tri = colour.delta_e(colour.simulate(blue, "tritanopia"), colour.simulate(teal, "tritanopia"))
    pro = colour.delta_e(colour.simulate(blue, "protanopia"), colour.simulate(teal, "protanopia"))
    assert tri < pro


def test_the_old_palette_fails_where_the_issue_saw_it() -> None:
    """Figuur 4 used orange for Europa and green for Latijns-Amerika: the same colour to a deuteranope."""
    orange, green = "#e17000", "#39870c"
    assert colour.delta_e(orange, green) > colour.MIN_DELTA_E
    assert colour.distinguishable(orange, green) < colour.MIN_DELTA_E


def test_contrast_ratio() -> None:
    assert round(colour.contrast_ratio("#000000"), 1) == 21.0
    assert round(colour.contrast_ratio("#777777"), 2) == 4.48

"""A count's progression over its days, drawn for the topic page: "9 → 11 → 13" and a sparkline.

Built from values and dates only (never seed text), and escaped all the same.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from digest.figures.values import as_of_date, common_values
from digest.model import FigureGroup

WIDTH, HEIGHT, PAD = 96, 24, 3


def day_points(group: FigureGroup) -> list[tuple[str, float]]:
    """One (as-of date, value) per day, in date order: the group's values are sorted so, an earlier
    value given that day ("to 52 from 37") before the value the day ends with."""
    points: dict[str, float] = {}
    for figure, value in zip(group.values, common_values(group.values)):
        day = as_of_date(figure)
        if day is not None:
            points[day] = value
    return sorted(points.items())


def short_day(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%b')}"


def number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def sparkline(points: list[tuple[str, float]]) -> Markup:
    """A polyline over evenly spaced days, lowest value at the bottom."""
    values = [v for _, v in points]
    low, high = min(values), max(values)
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    span = (high - low) or 1.0
    xy = [(f"{PAD + i * step:.1f}", f"{HEIGHT - PAD - (v - low) / span * (HEIGHT - 2 * PAD):.1f}") for i, v in enumerate(values)]
    dots = Markup("").join(Markup('<circle cx="{}" cy="{}" r="2"/>').format(x, y) for x, y in xy)
    return Markup(
        '<svg class="digest-sparkline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true">'
        '<polyline points="{line}" fill="none" stroke="currentColor" stroke-width="1.5"/>{dots}</svg>'
    ).format(w=WIDTH, h=HEIGHT, line=" ".join(f"{x},{y}" for x, y in xy), dots=dots)


def progression(group: FigureGroup) -> Markup:
    """ "9 (9 Mar) → 11 (10 Mar) → 13 (11 Mar)" beside a small chart; empty for a group that did not move."""
    points = day_points(group)
    if group.status != "progression" or len(points) < 2:
        return Markup("")
    words = " → ".join(f"{number(v)} ({short_day(d)})" for d, v in points)
    trend = "rising" if points[-1][1] > points[0][1] else "falling" if points[-1][1] < points[0][1] else "changing"
    label = f"{trend} from {number(points[0][1])} to {number(points[-1][1])}: {words}"
    return Markup(
        '<span class="digest-progression" role="img" aria-label="{label}" title="{label}">{chart} '
        '<span class="digest-sequence">{words}</span></span>'
    ).format(label=label, chart=sparkline(points), words=words)

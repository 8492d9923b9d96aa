"""Where the digest's pages go in a host's docs folder, and how they join a host's nav."""

from __future__ import annotations

from digest.site.bundle import make_layout
from digest.site.plugin import with_sections


def test_the_default_layout_keeps_todays_paths() -> None:
    layout = make_layout("", lambda path: False)
    assert layout.home == "index.md" and layout.under("topics/index.md") == "topics/index.md"
    assert layout.stylesheets == ["assets/digest/digest.css"]


def test_the_home_steps_aside_for_the_hosts_own_index() -> None:
    assert make_layout("", lambda path: path == "index.md").home == "digest.md"
    layout = make_layout("/news/", lambda path: path == "news/index.md")
    assert layout.home == "news/digest.md" and layout.under("sources/index.md") == "news/sources/index.md"


def test_detail_pages_are_told_from_section_pages() -> None:
    layout = make_layout("news", lambda path: False)
    assert layout.is_detail("news/topics/a-story.md") and layout.is_detail("news/entities/x.md")
    assert not layout.is_detail("news/topics/index.md") and not layout.is_detail("news/index.md")
    assert not layout.is_detail("topics/a-story.md")


def test_a_hosts_nav_gains_only_the_sections_it_does_not_list() -> None:
    layout = make_layout("", lambda path: path == "index.md")
    host: list[object] = ["index.md", {"About": "about.md"}, {"News": [{"Topics": "topics/index.md"}]}]
    added = with_sections(host, layout)
    assert added[:3] == host
    assert added[3] == {"Digest": [{"Digest": "digest.md"}, {"Sources": "sources/index.md"}, {"People and places": "entities/index.md"}]}
    full: list[object] = [{t: p} for t, p in layout.sections()]
    assert with_sections(full, layout) == full

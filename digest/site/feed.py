"""The Atom feed of the topics: one entry per topic, the most recently reported first.

feedgen writes the XML, so titles and summaries taken from seeds are escaped by lxml, not by
hand, and the Atom elements it requires are checked when the feed is written. Its defaults
read the clock (`updated`) and name its own version (`generator`); both are set here, so the
same seeds give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from digest.model import Digest, Topic
from digest.site.render import topic_description

# A topic whose articles carry no date still needs an Atom `updated`: a fixed, obviously old one.
UNDATED = dt.date(2000, 1, 1)
GENERATOR = "digest"


def topic_updated(digest: Digest, topic: Topic) -> dt.date:
    """The day the topic last gained an article: its newest article's publication date."""
    dates = [
        a.published for a in digest.articles if a.id in topic.articles and a.published
    ]
    return dt.date.fromisoformat(max(dates)) if dates else UNDATED


def page_url(site_url: str, topic: Topic, directory_urls: bool = True) -> str:
    """The topic page's address, as MkDocs publishes it; also the entry's permanent id."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return (
        f"{base}topics/{topic.slug}/"
        if directory_urls
        else f"{base}topics/{topic.slug}.html"
    )


def atom_feed(
    digest: Digest, site_url: str, *, title: str, directory_urls: bool = True
) -> str:
    """The feed's XML: topics newest first, ties broken by slug so the order never depends on input order."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    dated = sorted(
        ((topic_updated(digest, t), t) for t in digest.topics), key=lambda p: p[1].slug
    )
    dated.sort(key=lambda pair: pair[0], reverse=True)
    feed = FeedGenerator()
    feed.id(base)
    feed.title(title)
    feed.author({"name": title})
    feed.link(href=base, rel="alternate", type="text/html")
    feed.link(href=f"{base}feed.xml", rel="self", type="application/atom+xml")
    feed.language("en")
    feed.generator(GENERATOR)
    feed.updated(midnight(dated[0][0] if dated else UNDATED))
    for day, topic in dated:
        url = page_url(base, topic, directory_urls)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(topic.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(topic_description(topic))
        entry.updated(midnight(day))
    return bytes(feed.atom_str(pretty=True, encoding="UTF-8")).decode("utf-8")


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

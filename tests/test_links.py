"""Links of the default site: nothing broken, nothing loaded from elsewhere.

Over every page of both languages: each internal ``href``/``src`` resolves to a file that
exists, and each ``#anchor`` to an ``id`` on its target page; every ``tel:`` link is a
Latvian number in E.164 (``tel:+371`` and 8 digits) or ``tel:112``; every ``mailto:`` is a
valid address.
The only links off the site are OpenStreetMap searches, and they are plain links: no
script, style sheet, image, frame, ``@import`` or font comes from another site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from email_validator import EmailNotValidError, validate_email

ORIGIN = "http://site.invalid/"  # pages are resolved as if served from here
TEL = re.compile(r"^tel:(?:\+371\d{8}|112)$")  # or 112, the single emergency number
MAILTO = re.compile(r"^mailto:([^?#\s]+)$")
# the one kind of link to another site: a search for an address on the map (a plain link)
EXTERNAL_LINKS = re.compile(r"^https://www\.openstreetmap\.org/search\?query=[^\s\"'<>]+$")
# attributes that make the browser fetch something (a[href] and area[href] do not)
RESOURCES = {
    ("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"),
    ("source", "src"), ("source", "srcset"), ("iframe", "src"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("embed", "src"),
    ("object", "data"), ("image", "href"), ("use", "href"), ("input", "src"),
    ("form", "action"),
}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str, int]] = field(default_factory=list)  # tag, attr, url, line
    styles: list[tuple[str, int]] = field(default_factory=list)  # inline CSS, line


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in ("href", "src", "srcset", "action", "data", "poster", "xlink:href"):
                urls = (
                    [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
                )
                self.page.links += [(tag, name.removeprefix("xlink:"), url, line) for url in urls]
            elif name == "style":
                self.page.styles.append((value, line))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.page.styles.append((data, self.getpos()[0]))


def collect(html: str) -> PageLinks:
    collector = _Collector()
    collector.feed(html)
    return collector.page


def _target_file(site: Path, path: str) -> Path | None:
    """The file a site-relative URL path is served from, if any."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


# an empty data: address as the icon, so the browser asks the server for no favicon.ico
EMPTY_ICON = "data:,"


def check_site(site: Path) -> tuple[list[str], dict[str, int]]:
    """Every problem with the links of ``site``, and how many links of each kind were seen."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed = {rel: collect(path.read_text(encoding="utf-8")) for rel, path in pages.items()}
    problems: list[str] = []
    seen = {"internal": 0, "anchor": 0, "tel": 0, "mailto": 0, "external": 0}
    for rel, page in parsed.items():
        for tag, attr, url, line in page.links:
            where = f"{rel}:{line} <{tag} {attr}={url!r}>"
            scheme = urlsplit(url).scheme.lower()
            if (tag, attr, url) == ("link", "href", EMPTY_ICON):
                continue  # the favicon that asks for nothing (mkdocs.yml: favicon "data:,")
            if scheme == "tel":
                seen["tel"] += 1
                if not TEL.match(url):
                    problems.append(f"{where}: not tel:+371 and 8 digits")
                continue
            if scheme == "mailto":
                seen["mailto"] += 1
                match = MAILTO.match(url)
                try:
                    valid = bool(match) and bool(
                        validate_email(unquote(match[1]), check_deliverability=False)
                    )
                except EmailNotValidError:
                    valid = False
                if not valid:
                    problems.append(f"{where}: not a valid e-mail address")
                continue
            absolute = urljoin(ORIGIN + rel, url)
            parts = urlsplit(absolute)
            if f"{parts.scheme}://{parts.netloc}/" != ORIGIN:
                seen["external"] += 1
                if (tag, attr) in RESOURCES:
                    problems.append(f"{where}: loads from another site")
                elif not (tag in ("a", "area") and EXTERNAL_LINKS.match(url)):
                    problems.append(f"{where}: a link to another site")
                continue
            seen["internal"] += 1
            target = _target_file(site, parts.path)
            if target is None:
                problems.append(f"{where}: no such file")
                continue
            if parts.fragment:
                seen["anchor"] += 1
                target_rel = target.relative_to(site).as_posix()
                ids = parsed[target_rel].ids if target_rel in parsed else set()
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: no id {parts.fragment!r} in {target_rel}")
        for css, line in page.styles:
            problems += [f"{rel}:{line}: {u}" for u in _foreign_css(css)]
    for sheet in sorted(site.rglob("*.css")):
        rel = sheet.relative_to(site).as_posix()
        problems += [f"{rel}: {u}" for u in _foreign_css(sheet.read_text(encoding="utf-8"))]
    return problems, seen


def _foreign_css(css: str) -> list[str]:
    """url(…) and @import in CSS that reach another site (fonts included)."""
    found = []
    for match in CSS_URL.finditer(css):
        url = (match[1] or match[2]).strip()
        if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE) or url.startswith("http"):
            found.append(f"CSS loads {url!r} from another site")
    return found


def test_default_site_links(default_site: Path) -> None:
    problems, seen = check_site(default_site)
    assert problems == []
    # the check looked at real links of every kind, in both languages
    assert all(count > 0 for count in seen.values()), seen
    pages = [p.relative_to(default_site).as_posix() for p in default_site.rglob("*.html")]
    assert any(p.startswith("en/") for p in pages) and any(p.startswith("services/") for p in pages)


def test_every_page_of_both_languages_is_reachable(default_site: Path) -> None:
    """Each page has its counterpart in the other language, and both are linked to."""
    pages = {p.relative_to(default_site).as_posix() for p in default_site.rglob("*.html")}
    pages.discard("404.html")
    latvian = {p for p in pages if not p.startswith("en/")}
    assert {f"en/{p}" for p in latvian} == pages - latvian
    linked: set[str] = set()
    for rel in pages:
        page = collect((default_site / rel).read_text(encoding="utf-8"))
        for tag, _, url, _ in page.links:
            parts = urlsplit(urljoin(ORIGIN + rel, url))
            target = _target_file(default_site, parts.path) if tag == "a" else None
            if target is not None and parts.netloc == urlsplit(ORIGIN).netloc:
                linked.add(target.relative_to(default_site).as_posix())
    assert pages - linked == set()


def test_the_checker_finds_broken_links(tmp_path: Path) -> None:
    """The checks above can fail: a small site with one problem of each kind."""
    (tmp_path / "en").mkdir()
    (tmp_path / "style.css").write_text(
        "@font-face{src:url(https://fonts.gstatic.com/x.woff2)}", encoding="utf-8"
    )
    (tmp_path / "en/index.html").write_text('<h1 id="top">x</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="en/">ok</a><a href="en/#top">ok</a><a href="missing/">1</a>'
        '<a href="en/#nowhere">2</a><a href="tel:6460719">3</a><a href="mailto:a@@b">4</a>'
        '<a href="https://example.org/">5</a><script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css"><img src="http://x/y.png">'
        '<div style="background:url(https://tracker.example/p.gif)"></div>'
        '<a href="https://www.openstreetmap.org/search?query=R%C4%93zekne">map</a>',
        encoding="utf-8",
    )
    problems, seen = check_site(tmp_path)
    assert len(problems) == 10, problems
    assert seen["anchor"] == 2 and seen["tel"] == 1 and seen["mailto"] == 1
    assert not any("openstreetmap" in p for p in problems)

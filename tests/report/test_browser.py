"""The page opened the way a person opens it: in a real browser (headless Chromium), offline.

Skipped, with the reason, only where Chromium is not installed; .ci/run installs it.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from html.parser import HTMLParser

import pytest

from openness import i18n
from openness.insights import build
from openness.ui.report import build_report
from openness.ui.review_labels import Labels

import handmade as hm

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (apt-get install chromium)")


class Dom(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.headings: list[str] = []
        self.svgs = 0
        self.root: dict = {}
        self._in_h2 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.root = a
        elif tag == "section":
            self.sections.append(a.get("id", ""))
        elif tag == "svg":
            self.svgs += 1
        elif tag == "h2":
            self._in_h2 = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.headings[-1] += data


def browse(path, tmp_path, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    args = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", *extra, path.as_uri(),
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_browser_finds_every_section(library, tmp_path, lang):
    i18n.set_language(lang)
    rv = build(hm.entries(), now=hm.NOW, include_notes=True)
    html = build_report(rv, Labels(library, lang), lang=lang, generated=datetime(2026, 3, 12, 18, 30, tzinfo=hm.PK))
    page = tmp_path / "review.html"
    page.write_text(html, encoding="utf-8")
    done = browse(page, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = Dom(done.stdout)
    assert dom.root.get("lang") == lang and dom.root.get("dir") == ("rtl" if lang == "ur" else "ltr")
    assert dom.sections == ["summary", "feelings", "intensity", "calendar", "ladder", "self-compassion", "guardedness", "notes"]
    assert all(h.strip() for h in dom.headings) and len(dom.headings) == 8
    assert dom.svgs > 20  # the charts were parsed as SVG, not left as text
    assert "<script" not in done.stdout  # the browser saw no script either


def test_the_page_renders_to_a_picture(library, tmp_path):
    rv = build(hm.entries(), now=hm.NOW)
    page = tmp_path / "review.html"
    page.write_text(build_report(rv, Labels(library, "en"), lang="en", generated=datetime(2026, 3, 12)), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = browse(page, tmp_path, f"--screenshot={shot}", "--window-size=1000,2000", "--hide-scrollbars")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real picture, not a blank page

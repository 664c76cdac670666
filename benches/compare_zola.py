#!/usr/bin/env python3
"""Times prongsai against Zola on the same synthetic Thai site, as ../shared/bench/compare-hugo
does against Hugo: runs alternated, both tools treated alike, a first build into an empty folder
(both outputs deleted, prongsai's staging folder too, its cache kept as compare-hugo keeps it)
and a rebuild into the existing output with nothing changed. Prints medians and the ratios
prongsai/Zola (below 1.0 means prongsai is faster).

    benches/compare_zola.py --zola PATH/TO/zola [--pages 10000] [--runs 3] [--prongsai BIN]

Zola is not packaged here: build it from source outside this repository (`cargo build
--release` in a checkout of getzola/zola) and pass the binary. The Zola site is the Hugo site
of gen_site.py turned into Zola's form: the same pages, front matter in TOML, the same minimal
templates in Tera, Zola's search index off (as Hugo has none).
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from side_by_side import alternate, report

HERE = Path(__file__).resolve().parent

BASE = """<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %} | {{ config.title }}</title><link rel="stylesheet" href="{{ get_url(path="style.css") }}"></head>
<body><header><a href="{{ config.base_url }}/">{{ config.title }}</a><nav><a href="{{ get_url(path="@/announcements/_index.md") }}">ประกาศ</a></nav></header>
<main>{% block main %}{% endblock %}</main><footer>{{ config.title }}</footer></body></html>
"""
PAGE = """{% extends "base.html" %}{% block title %}{{ page.title }}{% endblock %}
{% block main %}<article><h1>{{ page.title }}</h1><p>{{ page.date | date(format="%Y-%m-%d") }} · {{ page.extra.number }} · {{ page.extra.department }}</p>{{ page.content | safe }}</article>{% endblock %}
"""
SECTION = """{% extends "base.html" %}{% block title %}{{ section.title }}{% endblock %}
{% block main %}<h1>{{ section.title }}</h1><ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.date | date(format="%Y-%m-%d") }}</li>{% endfor %}</ul>{% endblock %}
"""
INDEX = """{% extends "base.html" %}{% block title %}{{ config.title }}{% endblock %}
{% block main %}{% set s = get_section(path="announcements/_index.md") %}<h1>{{ config.title }}</h1><ul>{% for p in s.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.date | date(format="%Y-%m-%d") }}</li>{% endfor %}</ul>{% endblock %}
"""


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def zola_site(hugo: Path, out: Path):
    """The Hugo site of gen_site.py as a Zola site."""
    (out / "templates").mkdir(parents=True)
    (out / "content" / "announcements").mkdir(parents=True)
    shutil.copytree(hugo / "static", out / "static")
    (out / "config.toml").write_text(
        'base_url = "https://www.example.go.th"\ntitle = "เทศบาลตำบลตัวอย่าง"\n'
        'default_language = "th"\ncompile_sass = false\nbuild_search_index = false\n'
        '[markdown]\nrender_emoji = false\n', encoding="utf-8")
    for name, text in (("base.html", BASE), ("page.html", PAGE), ("section.html", SECTION),
                       ("index.html", INDEX)):
        (out / "templates" / name).write_text(text, encoding="utf-8")
    (out / "content" / "announcements" / "_index.md").write_text(
        '+++\ntitle = "ประกาศ"\nsort_by = "date"\n+++\n', encoding="utf-8")
    front = re.compile(r"\A---\n(.*?)\n---\n", re.S)
    for md in (hugo / "content" / "announcements").glob("a*.md"):
        text = md.read_text(encoding="utf-8")
        m = front.match(text)
        fields = dict(line.split(": ", 1) for line in m.group(1).splitlines())
        unquote = lambda v: v[1:-1] if v.startswith('"') else v
        head = (f"+++\ntitle = {toml_string(unquote(fields['title']))}\ndate = {fields['date']}\n"
                f"[extra]\nnumber = {toml_string(unquote(fields['number']))}\n"
                f"department = {toml_string(unquote(fields['department']))}\n+++\n")
        (out / "content" / "announcements" / md.name).write_text(head + text[m.end():], encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zola", required=True)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--prongsai", default="target/release/prongsai")
    ap.add_argument("--dir", help="where the sites go (default: a temporary folder)")
    a = ap.parse_args()
    prongsai = str(Path(a.prongsai).resolve())
    zola = str(Path(a.zola).resolve())
    with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(HERE / "gen_site.py"), str(tmp), "--pages", str(a.pages)],
                       check=True, stdout=subprocess.DEVNULL)
        zola_site(tmp / "hugo", tmp / "zola")
        ours = [prongsai, "build", "--root", str(tmp / "prongsai"), "-q"]
        theirs = [zola, "--root", str(tmp / "zola"), "build", "--output-dir", str(tmp / "zola-public"),
                  "--force"]
        out_dirs = [tmp / "zola-public", tmp / "prongsai/public", tmp / "prongsai/.public.prongsai"]
        rows = alternate(ours, theirs, "zola", out_dirs, a.runs, tmp)
        zola_pages = sum(1 for _ in (tmp / "zola-public").rglob("*.html"))
        ours_pages = sum(1 for _ in (tmp / "prongsai/public").rglob("*.html"))
    version = subprocess.run([zola, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"pages in: {a.pages}; {version} wrote {zola_pages} HTML files, prongsai {ours_pages}")
    report(rows, "zola")


if __name__ == "__main__":
    main()

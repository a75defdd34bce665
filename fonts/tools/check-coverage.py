#!/usr/bin/env python3
"""Check that the bundled fonts cover every character of the sample articles.

Each article is checked against the faces meant for its language (from the
`lang:` line of its front matter). A character counts as covered by a face when
HarfBuzz, shaping that character on its own, returns no glyph 0 (.notdef).
Characters a primary face lacks are reported together with the bundled faces
that do have them (the fallback a renderer would need).

Usage: check-coverage.py [ARTICLE.md ...]
  default: every *.md directly under examples/articles/
Exit status: 0 when every character of every article is covered by at least
one of its primary faces or a bundled fallback, 1 otherwise.
"""

import glob
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.normpath(os.path.join(HERE, ".."))
ROOT = os.path.normpath(os.path.join(FONTS, ".."))

SERIF = ["NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
         "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"]
SANS = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"]

# Faces that must cover an article's text, by language: the regular and bold
# faces of the family the templates set that language's script in.
def pair(name):
    return [name + "-Regular.ttf", name + "-Bold.ttf"]


SC = ["NotoSansCJKsc-Subset.otf", "NotoSansCJKsc-Bold-Subset.otf"]
PRIMARY = {
    "en": SERIF + SANS,
    "ar": pair("NotoNaskhArabic"),
    "fa": pair("NotoNaskhArabic"),
    "ur": pair("NotoNastaliqUrdu"),
    "hi": pair("NotoSansDevanagari"),
    "he": pair("NotoSansHebrew"),
    "th": pair("NotoSansThai"),
    "bn": pair("NotoSansBengali"),
    "pa": pair("NotoSansGurmukhi"),
    "gu": pair("NotoSansGujarati"),
    "ta": pair("NotoSansTamil"),
    "te": pair("NotoSansTelugu"),
    "kn": pair("NotoSansKannada"),
    "ml": pair("NotoSansMalayalam"),
    "si": pair("NotoSansSinhala"),
    "km": pair("NotoSansKhmer"),
    "lo": pair("NotoSansLao"),
    "my": pair("NotoSansMyanmar"),
    "zh": SC,
    "ja": ["NotoSansCJKjp-Subset.otf", "NotoSansCJKjp-Bold-Subset.otf"],
    "ko": ["NotoSansCJKkr-Subset.otf", "NotoSansCJKkr-Bold-Subset.otf"],
}


def all_faces():
    names = [os.path.basename(p) for p in glob.glob(os.path.join(FONTS, "*.tt[fc]"))]
    names += [os.path.basename(p) for p in glob.glob(os.path.join(FONTS, "*.otf"))]
    return sorted(names)


def missing_in(face, chars):
    """Return the subset of chars that shape to glyph 0 in face."""
    chars = sorted(chars)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                     delete=False) as f:
        for ch in chars:
            f.write(ch + "\n")
        name = f.name
    try:
        res = subprocess.run(
            ["hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
             "--text-file=" + name, os.path.join(FONTS, face)],
            capture_output=True, text=True, check=True)
    finally:
        os.unlink(name)
    lines = res.stdout.splitlines()
    if len(lines) != len(chars):
        raise SystemExit(f"hb-shape gave {len(lines)} lines for {len(chars)} characters")
    out = set()
    for ch, line in zip(chars, lines):
        gids = line.strip("[]").split("|")
        if "0" in gids:
            out.add(ch)
    return out


def article_lang(text):
    """Primary language subtag of the front matter's `lang:` ("zh-Hans" -> "zh")."""
    for line in text.splitlines():
        if line.startswith("lang:"):
            return line.split(":", 1)[1].strip().split("-")[0].lower()
    return "en"


def rendered_chars(text):
    """Distinct characters of the article, front matter keys left out."""
    lines = text.split("\n")
    out = []
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] == "---"), 0)
        for line in lines[1:end]:
            out.append(line.split(":", 1)[1] if ":" in line else line)
        lines = lines[end + 1:]
    out.extend(lines)
    return {c for c in "\n".join(out) if c not in "\n\r"}


def describe(ch):
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} ({ch})"


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "examples", "articles", "*.md")))
    faces = all_faces()
    cache = {}
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lang = article_lang(text)
        chars = rendered_chars(text)
        primary = PRIMARY.get(lang, SERIF)
        print(f"{os.path.basename(path)} (lang {lang}, {len(chars)} distinct characters)")
        for face in primary:
            miss = missing_in(face, chars)
            if not miss:
                print(f"  {face}: all covered")
                continue
            print(f"  {face}: {len(miss)} not covered")
            groups = {}
            for ch in sorted(miss):
                if ch not in cache:
                    cache[ch] = tuple(fb for fb in faces if not missing_in(fb, {ch}))
                groups.setdefault(cache[ch], []).append(ch)
            for where, chs in groups.items():
                if not where:
                    failed = True
                    for ch in chs:
                        print(f"    {describe(ch)}: NO BUNDLED FACE")
                else:
                    print(f"    {''.join(chs)!r} -> {', '.join(where)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

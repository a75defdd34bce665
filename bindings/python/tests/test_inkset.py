"""The Python binding against the CLI: the same article and options give the same panel bytes
as `inkset render --format raw`. Run by ctest (tests/newsroom.cmake) with INKSET_LIBRARY,
INKSET_CLI, INKSET_FONT_DIR and INK_SOURCE_DIR set. Exits 77 (skipped) without Pillow, unless
INK_REQUIRE_ALL is set, as in CI: then a missing Pillow fails."""

import os
import subprocess
import sys
import tempfile
import unittest

try:
    import PIL.Image  # noqa: F401
except ImportError:
    if os.environ.get("INK_REQUIRE_ALL"):
        sys.exit("test_inkset: Pillow is missing (Debian: python3-pil) and INK_REQUIRE_ALL is set")
    print("skipped: Pillow is not installed (Debian: python3-pil)")
    sys.exit(77)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import inkset  # noqa: E402

SRC = os.environ.get("INK_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../../.."))
LONG = os.path.join(SRC, "examples/articles/river-recovery.md")


def cli_pages(article, *args):
    """The raw pages the CLI writes for article on reader-6 with args, in order."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([os.environ["INKSET_CLI"], "render", article, "-t", "reader-6",
                        "--format", "raw", "-o", out, *args], check=True)
        names = sorted(n for n in os.listdir(out) if n.endswith(".raw"))
        pages = []
        for n in names:
            with open(os.path.join(out, n), "rb") as f:
                pages.append(f.read())
        return pages


class Binding(unittest.TestCase):
    def test_panel_bytes_are_the_clis(self):
        want = cli_pages(LONG, "--panel", "gray4", "--dither", "atkinson")
        with inkset.render(LONG, template="reader-6", panel="gray4", dither="atkinson") as pages:
            self.assertEqual(len(pages), len(want))
            self.assertGreater(len(pages), 2)
            for i in (0, len(pages) - 1):
                self.assertEqual(pages.panel_bytes(i), want[i])

    def test_template_format_by_default(self):
        want = cli_pages(LONG, "--rotate", "90")
        with inkset.render(LONG, template="reader-6", rotate=90) as pages:
            self.assertEqual(pages.panel_bytes(1), want[1])

    def test_image_shows_the_panel_pixels(self):
        with inkset.render(LONG, template="reader-6", bpp=8) as pages:
            img = pages.image(0)
            self.assertEqual(img.mode, "L")
            self.assertEqual(img.tobytes(), pages.panel_bytes(0))
        with inkset.render(LONG, template="reader-6", panel="mono") as pages:
            img = pages.image(0)
            self.assertEqual(img.mode, "1")
            self.assertEqual(img.size, (1072, 1448))
            self.assertGreater(img.histogram()[0], 1000)   # black text is drawn
        with inkset.render(LONG, template="reader-6", panel="acep7") as pages:
            with self.assertRaises(ValueError):
                pages.image(0)

    def test_text_and_errors(self):
        md = "---\ntitle: A harbour ferry\n---\nThe ferry runs again.\n"
        with inkset.render(md, template="kiosk-7.5") as pages:
            self.assertEqual(len(pages), 1)
            self.assertFalse(pages.overflow)
            with self.assertRaises(IndexError):
                pages.panel_bytes(1)
        with self.assertRaises(inkset.Error) as e:
            inkset.render("no front matter\n")
        self.assertEqual(e.exception.status, 4)   # INK_PARSE
        self.assertIn("article:1:1:", str(e.exception))
        with self.assertRaises(inkset.Error) as e:
            inkset.render(md, panel="acep7", bpp=2)
        self.assertIn("panel acep7 has a fixed depth", str(e.exception))


if __name__ == "__main__":
    unittest.main()

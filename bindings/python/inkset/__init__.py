"""inkset for Python: an article set on a page template, as Pillow images or panel bytes.

A thin ctypes binding to libinkset (nothing to compile at install)::

    import inkset
    with inkset.render("article.md", template="kiosk-7.5", panel="gray4") as pages:
        for i in range(len(pages)):
            pages.image(i).save(f"page-{i + 1}.png")   # Pillow
            data = pages.panel_bytes(i)                  # what the panel takes

The pixel format and dither are chosen as ``inkset render`` chooses them
(ink_pixfmt_for_template), so the same options give the same bytes as the CLI.
libinkset is found through $INKSET_LIBRARY, else the system's library path.
"""

import ctypes
import ctypes.util
import os

__all__ = ["Error", "Pages", "render"]

_u8, _u16, _u32 = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32
_vp, _sz, _int = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int

STATUS_OK, STATUS_OVERFLOW = 0, 9
PIXKIND_GRAY = 0


class _Pixfmt(ctypes.Structure):
    """ink_pixfmt_t (include/inkset/inkset-raster.h); its size never changes."""
    _fields_ = [("bpp", _u8), ("lsb_first", ctypes.c_bool), ("invert", ctypes.c_bool),
                ("kind", _int), ("rotate", _int), ("mirror_x", ctypes.c_bool),
                ("mirror_y", ctypes.c_bool), ("stride", _u32), ("row_align", _u8),
                ("x_align", _u8), ("gray_steps", _u16), ("levels", _u8 * 16),
                ("image_gamma", ctypes.c_float), ("image_contrast", ctypes.c_float),
                ("text_darken", _u8), ("palette", _u8 * 24), ("reserved", _u32 * 8)]


class _Frame(ctypes.Structure):
    """ink_frame_t: filled by ink_document_frame."""
    _fields_ = [("width", _u32), ("height", _u32), ("format", _Pixfmt), ("dither", _int),
                ("render", _vp), ("user", _vp), ("reserved", _vp * 4)]


class _Geometry(ctypes.Structure):
    """ink_frame_geometry_t."""
    _fields_ = [("native_width", _u32), ("native_height", _u32), ("stride", _u32),
                ("planes", _u32), ("size", _sz)]


class _Request(ctypes.Structure):
    """ink_pixfmt_request_t (include/inkset/inkset-target.h)."""
    _fields_ = [("struct_size", _sz), ("panel", ctypes.c_char_p), ("bpp", ctypes.c_uint),
                ("rotate", _int), ("levels", ctypes.POINTER(_u8)), ("nlevels", _sz),
                ("dither", ctypes.c_char_p)]


class _Diag(ctypes.Structure):
    """ink_diag_t."""
    _fields_ = [("line", ctypes.c_uint), ("column", ctypes.c_uint), ("message", ctypes.c_char * 160)]


class _LayoutOptions(ctypes.Structure):
    """ink_layout_options_t."""
    _fields_ = [("struct_size", _sz), ("max_pages", ctypes.c_uint)]


_PROTOTYPES = {
    "ink_context_create": (_int, [_vp, _vp, ctypes.POINTER(_vp)]),
    "ink_context_destroy": (None, [_vp]),
    "ink_context_error": (ctypes.c_char_p, [_vp]),
    "ink_status_to_string": (ctypes.c_char_p, [_int]),
    "ink_article_load": (_int, [_vp, ctypes.c_char_p, ctypes.POINTER(_vp), ctypes.POINTER(_Diag)]),
    "ink_article_parse_markdown": (_int, [_vp, ctypes.c_char_p, _sz, ctypes.c_char_p,
                                          ctypes.POINTER(_vp), ctypes.POINTER(_Diag)]),
    "ink_article_destroy": (None, [_vp]),
    "ink_template_open": (_int, [_vp, ctypes.c_char_p, ctypes.POINTER(_vp), ctypes.POINTER(_Diag)]),
    "ink_template_destroy": (None, [_vp]),
    "ink_fontset_create": (_int, [_vp, ctypes.c_char_p, ctypes.POINTER(_vp)]),
    "ink_fontset_destroy": (None, [_vp]),
    "ink_document_layout": (_int, [_vp, _vp, _vp, _vp, ctypes.POINTER(_LayoutOptions),
                                   ctypes.POINTER(_vp)]),
    "ink_document_destroy": (None, [_vp]),
    "ink_document_page_count": (_sz, [_vp]),
    "ink_document_frame": (_int, [_vp, _sz, ctypes.POINTER(_Pixfmt), _int, _vp,
                                  ctypes.POINTER(_Frame)]),
    "ink_frame_geometry": (_int, [ctypes.POINTER(_Pixfmt), _u32, _u32,
                                  ctypes.POINTER(_Geometry)]),
    "ink_frame_render": (_int, [_vp, ctypes.POINTER(_Frame), ctypes.c_char_p, _sz]),
    "ink_pixfmt_for_template": (_int, [_vp, _vp, ctypes.POINTER(_Request),
                                       ctypes.POINTER(_Pixfmt), ctypes.POINTER(_int)]),
}


def _load():
    path = os.environ.get("INKSET_LIBRARY") or ctypes.util.find_library("inkset")
    lib = ctypes.CDLL(path or "libinkset.so.0")
    for name, (restype, argtypes) in _PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


_lib = _load()


class Error(Exception):
    """A call into libinkset failed: .status is its ink_status_t, the message says why."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def _enc(s):
    return s.encode() if isinstance(s, str) else s


class Pages:
    """A laid-out article: len(pages) pages, each drawn on demand in the chosen format.
    Close it (or use it in a with block) to free the library's memory. One thread at a time."""

    def __init__(self, article, template, font_dir, max_pages, request):
        self._ctx = _vp()
        self._held = []   # (destroy function, handle), freed last first
        if _lib.ink_context_create(None, None, ctypes.byref(self._ctx)) != STATUS_OK:
            raise MemoryError("inkset: out of memory")
        try:
            self._open(article, template, font_dir, max_pages, request)
        except BaseException:
            self.close()
            raise

    def _check(self, status, what, diag=None):
        if status in (STATUS_OK, STATUS_OVERFLOW):
            return status
        if diag is not None and diag.message:
            at = "%d:%d: " % (diag.line, diag.column) if diag.line else ""
            raise Error(status, "%s:%s %s" % (what, at[:-1] if at else "", diag.message.decode()))
        msg = (_lib.ink_context_error(self._ctx) or _lib.ink_status_to_string(status)).decode()
        raise Error(status, msg if msg.startswith(what + ":") else "%s: %s" % (what, msg))

    def _make(self, fn, destroy, what, *args, diag=None):
        """fn(ctx, *args, &out[, &diag]): out is kept to be destroyed on close()."""
        out = _vp()
        tail = (ctypes.byref(diag),) if diag is not None else ()
        status = self._check(fn(self._ctx, *args, ctypes.byref(out), *tail), what, diag)
        self._held.append((destroy, out))
        return out, status

    def _open(self, article, template, font_dir, max_pages, request):
        diag = _Diag()
        if isinstance(article, (bytes, bytearray)) or "\n" in article:
            text = _enc(article)
            self._article, _ = self._make(_lib.ink_article_parse_markdown, _lib.ink_article_destroy,
                                          "article", text, len(text), None, diag=diag)
        else:
            self._article, _ = self._make(_lib.ink_article_load, _lib.ink_article_destroy,
                                          article, _enc(article), diag=diag)
        self._tpl, _ = self._make(_lib.ink_template_open, _lib.ink_template_destroy,
                                  template, _enc(template), diag=diag)
        fonts, _ = self._make(_lib.ink_fontset_create, _lib.ink_fontset_destroy, "fonts",
                              _enc(font_dir))
        opts = _LayoutOptions(ctypes.sizeof(_LayoutOptions), max_pages)
        self._doc, status = self._make(_lib.ink_document_layout, _lib.ink_document_destroy,
                                       "layout", self._article, self._tpl, fonts,
                                       ctypes.byref(opts))
        self.overflow = status == STATUS_OVERFLOW
        self.format = _Pixfmt()
        dither = _int()
        self._check(_lib.ink_pixfmt_for_template(self._ctx, self._tpl, ctypes.byref(request),
                                                 ctypes.byref(self.format), ctypes.byref(dither)),
                    "pixel format")
        self.dither = dither.value

    def __len__(self):
        return _lib.ink_document_page_count(self._doc)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Frees the document, the fonts, the template, the article and the context."""
        while self._held:
            destroy, handle = self._held.pop()
            destroy(handle)
        if self._ctx:
            _lib.ink_context_destroy(self._ctx)
            self._ctx = _vp()

    def _frame(self, page):
        if not 0 <= page < len(self):
            raise IndexError("page %d of %d" % (page, len(self)))
        src, frame = (_vp * 6)(), _Frame()
        self._check(_lib.ink_document_frame(self._doc, page, ctypes.byref(self.format),
                                            self.dither, src, ctypes.byref(frame)), "frame")
        geo = _Geometry()
        self._check(_lib.ink_frame_geometry(ctypes.byref(self.format), frame.width, frame.height,
                                            ctypes.byref(geo)), "frame")
        return src, frame, geo

    def panel_bytes(self, page):
        """Page (from 0) packed as the panel takes it: what `inkset render --format raw`
        writes, rows at the format's stride (for two-plane BWR, the black plane first)."""
        src, frame, geo = self._frame(page)
        buf = ctypes.create_string_buffer(geo.size)
        self._check(_lib.ink_frame_render(self._ctx, ctypes.byref(frame), buf, geo.size), "draw")
        del src
        return buf.raw

    def image(self, page):
        """Page (from 0) as a Pillow image of the panel's pixels, in the panel's native
        orientation: mode "1" at 1 bit, else "L" (2 and 4 bit codes spread over 0..255).
        Grey formats only; colour panels take panel_bytes()."""
        from PIL import Image
        fmt = self.format
        if fmt.kind != PIXKIND_GRAY or fmt.lsb_first:
            raise ValueError("image() draws grey panels with the leftmost pixel in the high bits;"
                             " use panel_bytes() for this format")
        _, frame, geo = self._frame(page)
        bpp = fmt.bpp or 8
        mode = "1" if bpp == 1 else "L"
        raw = {1: "1", 2: "L;2", 4: "L;4", 8: "L"}[bpp]
        if fmt.invert:
            raw = {1: "1;I", 2: "L;2I", 4: "L;4I", 8: "L;I"}[bpp]
        data = self.panel_bytes(page)
        return Image.frombytes(mode, (geo.native_width, geo.native_height), data, "raw", raw,
                               geo.stride)


def render(article, template="kiosk-10.3", font_dir=None, panel=None, bpp=0, rotate=0,
           levels=None, dither=None, max_pages=0):
    """Lays out an article and chooses its output format as `inkset render` does.

    article: a file (Markdown, or JSON when it ends in .json) or Markdown text (str with a
      newline, or bytes); template: a bundled template's name or a file; font_dir: where fonts
      are found (None: $INKSET_FONT_DIR, then the installed fonts); panel: a preset name
      ("gray4", "mono", "it8951-4", ...); bpp: 1, 2, 4 or 8 (0: the template's); rotate: 0, 90,
      180 or 270; levels: the measured grey of each code; dither: a method's name (None: the
      template's); max_pages: 0 for the context's limit. Raises Error with the library's
      message. Returns Pages; .overflow says whether text did not fit."""
    if rotate not in (0, 90, 180, 270):
        raise ValueError("rotate: 0, 90, 180 or 270, not %r" % (rotate,))
    req = _Request(ctypes.sizeof(_Request), _enc(panel), bpp, rotate // 90, None, 0, _enc(dither))
    if levels is not None:
        arr = (_u8 * len(levels))(*levels)
        req.levels, req.nlevels = ctypes.cast(arr, ctypes.POINTER(_u8)), len(levels)
    return Pages(article, template, font_dir, max_pages, req)

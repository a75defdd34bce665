/**
 * @file inkset.h
 * @brief inkset: sets news articles for e-paper. The one header to include.
 *
 * An article and a page template go in; finished pages come out, as PNG files or as the
 * packed pixels an e-paper panel or a Linux framebuffer takes. Include only this header; the
 * others stop with an error when included on their own. docs/api.md is the guide: objects and
 * their lifetimes, the call sequence, memory, errors and threads.
 *
 * @code
 * ink_context_t *ctx;
 * ink_context_create (NULL, NULL, &ctx);
 * ...
 * ink_context_destroy (ctx);
 * @endcode
 */
#ifndef INKSET_H
#define INKSET_H
#define INKSET_H_INSIDE

#include <inkset/inkset-version.h>
#include <inkset/inkset-common.h>
#include <inkset/inkset-font.h>
#include <inkset/inkset-article.h>
#include <inkset/inkset-template.h>
#include <inkset/inkset-document.h>
#include <inkset/inkset-display.h>
#include <inkset/inkset-pdf.h>
#include <inkset/inkset-raster.h>
#include <inkset/inkset-target.h>

#undef INKSET_H_INSIDE
#endif

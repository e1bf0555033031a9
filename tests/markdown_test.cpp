// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "base/markdown.hpp"

using namespace ctg;

TEST_CASE("users' Markdown to HTML: formatting kept, everything else inert") {
  CHECK(markdown::to_html("Un **gras** et *italique*.", 1, "n-") == "<p>Un <strong>gras</strong> et <em>italique</em>.</p>");
  CHECK(markdown::to_html("## Titre", 1, "n-") == "<h3>Titre</h3>");
  CHECK(markdown::to_html("- a\n  - b\n- c", 1, "n-") == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
  // Issue 19: a blank line before the sub-items (the calendar's « o ») keeps them under their item.
  CHECK(markdown::to_html("- a\n\n  - b\n  - c\n- d", 1, "n-") ==
        "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>");
  CHECK(markdown::to_html("- a\n  \n  - b\n- d", 1, "n-") == "<ul><li>a<ul><li>b</li></ul></li><li>d</li></ul>");
  CHECK(markdown::to_html("- a\n\nb", 1, "n-") == "<ul><li>a</li></ul><p>b</p>");
  CHECK(markdown::to_html("1. un\n2. deux", 1, "n-") == "<ol><li>un</li><li>deux</li></ol>");
  CHECK(markdown::to_html("<script>x</script>", 1, "n-") == "<p>&lt;script&gt;x&lt;/script&gt;</p>");
  // Links are shown as text, and brackets that are not a link stay as written.
  CHECK(markdown::to_html("Voir [a] et [b](javascript:x).", 1, "n-") == "<p>Voir [a] et b (javascript:x).</p>");
  std::string notes = markdown::to_html("Texte[^1].\n\n[^1]: Une note.", 1, "n-");
  CHECK(notes.find("href=\"#n-1\"") != std::string::npos);
  CHECK(notes.find("<li id=\"n-1\" value=\"1\">Une note.") != std::string::npos);
}

TEST_CASE("users' Markdown kept safe inside a Markdown document") {
  CHECK(markdown::sanitize("<b>x</b> [lien](http://x) [^1]") == "&lt;b>x&lt;/b> \\[lien](http\\://x) \\[^1]");
  CHECK(markdown::sanitize("Texte[^1].\n\n[^1]: Une note.") == "Texte[^1].\n\n[^1]: Une note.");
  CHECK(markdown::sanitize("## Titre\ntexte", 1) == "### Titre\ntexte");
  CHECK(markdown::escape("# pas un titre | ni *gras*") == "\\# pas un titre \\| ni \\*gras\\*");
  CHECK(markdown::escape("- pas une liste") == "\\- pas une liste");
  CHECK(markdown::escape("1. pas une liste") == "1\\. pas une liste");
}

// Issue 12, defect 4: a footnote call was a way to a live link.
TEST_CASE("Markdown output is inert: no link through a footnote, no bare URL") {
  std::string md = markdown::sanitize("voir [^a](javascript:alert(1)) et [^b]\n\n[^b]: javascript:alert(2)\n");
  CHECK(md.find("voir \\[^a](") != std::string::npos);  // undefined: escaped
  CHECK(md.find("[^b]: \u200Bjavascript") != std::string::npos);  // not a link definition
  md = markdown::sanitize("Texte[^1](javascript:x)\n\n[^1]: note longue.");
  CHECK(md.find("[^1]\\(javascript") != std::string::npos);
  CHECK(markdown::sanitize("https://caf.fr www.caf.fr a@b.fr") == "https\\://caf.fr www\\.caf.fr a@\u200Bb.fr");
}

// Issue 20: inert for pandoc's `markdown` reader too, and a fence never swallows the rest.
TEST_CASE("Markdown output is inert for pandoc's markdown reader") {
  CHECK(markdown::sanitize("\\input{/etc/passwd} \\* \\\\") == "\\\\input{/etc/passwd} \\* \\\\");
  CHECK(markdown::sanitize("$x$ `a`{=latex} ~~~ {=openxml}") == "\\$x\\$ `a`\\{=latex} ~~~ \\{=openxml}");
  CHECK(markdown::sanitize("a\n\n---\ntitle: x\n...\n") == "a\n\n----\ntitle: x\n...\n");
  CHECK(markdown::sanitize("\\[lien](x) \\<b> \\@x") == "\\[lien](x) &lt;b> @\u200Bx");
  CHECK(markdown::sanitize("texte\n\n```\ncode") == "texte\n\n```\ncode\n```\n");
  CHECK(markdown::sanitize("> ~~~~\n> code\n") == "> ~~~~\n> code\n> ~~~~\n");
  CHECK(markdown::sanitize("```\ncode\n```\nsuite") == "```\ncode\n```\nsuite");
  CHECK(markdown::escape("\\input{x} $y$ ^z^ `c`") == "\\\\input\\{x\\} \\$y\\$ \\^z\\^ \\`c\\`");
  CHECK(markdown::escape("https://caf.fr www.caf.fr a@b.fr") == "https\\://caf.fr www\\.caf.fr a@\u200Bb.fr");
  CHECK(markdown::escape(": pas une définition") == "\\: pas une définition");
  CHECK(markdown::escape("a\r\n- b") == "a - b");
}

// Issue 12, defect 1: 30 000 nested quotations overflowed the stack.
TEST_CASE("deep Markdown nesting is bounded and measured") {
  std::string ladder(30'000, '>');
  ladder += " fond";
  std::string html = markdown::to_html(ladder, 1, "n-");
  std::size_t quotes = 0;
  for (auto at = html.find("<blockquote>"); at != std::string::npos; at = html.find("<blockquote>", at + 1)) ++quotes;
  CHECK(quotes == static_cast<std::size_t>(markdown::max_nesting));
  CHECK(markdown::nesting_depth(ladder) > markdown::max_nesting);
  std::string list;
  for (int i = 0; i < 5'000; ++i) list += std::string(static_cast<std::size_t>(i), ' ') + "- x\n";
  CHECK(markdown::to_html(list, 1, "n-").find("<ul>") != std::string::npos);
  CHECK(markdown::nesting_depth(list) > markdown::max_nesting);
  CHECK(markdown::nesting_depth("> a\n>> b\n\n- x\n  - y\n") == 2);
  // Tabs alone on a line were read past the end of the line.
  CHECK(markdown::to_html("a\n\t\n> \t\n", 1, "n-").find("<p>a</p>") != std::string::npos);
}

TEST_CASE("a footnote follows the block that calls it, not the whole text (issue 19)") {
  std::string html = markdown::to_html("Premier[^1] alinéa.\n\nDeuxième alinéa.\n\n- un[^2]\n- deux\n\nFin.\n\n"
                                       "[^1]: Première note.\n[^2]: Seconde note.\n[^3]: Jamais appelée.",
                                       1, "n-");
  auto at = [&](std::string_view s) { return html.find(s); };
  REQUIRE(at("Première note.") != std::string::npos);
  CHECK(at("Premier<sup") < at("Première note."));
  CHECK(at("Première note.") < at("Deuxième alinéa."));  // right after its paragraph
  CHECK(at("</ul>") < at("Seconde note."));              // after the whole list, not inside it
  CHECK(at("Seconde note.") < at("Fin."));
  CHECK(at("Fin.") < at("Jamais appelée."));             // never called: at the end
  CHECK(html.find("↩") == std::string::npos);
}

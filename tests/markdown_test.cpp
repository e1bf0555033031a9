#include <doctest/doctest.h>

#include "markdown.hpp"

using namespace ctg;

TEST_CASE("users' Markdown to HTML: formatting kept, everything else inert") {
  CHECK(markdown::to_html("Un **gras** et *italique*.", 1, "n-") == "<p>Un <strong>gras</strong> et <em>italique</em>.</p>");
  CHECK(markdown::to_html("## Titre", 1, "n-") == "<h3>Titre</h3>");
  CHECK(markdown::to_html("- a\n  - b\n- c", 1, "n-") == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
  CHECK(markdown::to_html("1. un\n2. deux", 1, "n-") == "<ol><li>un</li><li>deux</li></ol>");
  CHECK(markdown::to_html("<script>x</script>", 1, "n-") == "<p>&lt;script&gt;x&lt;/script&gt;</p>");
  // Links are shown as text, and brackets that are not a link stay as written.
  CHECK(markdown::to_html("Voir [a] et [b](javascript:x).", 1, "n-") == "<p>Voir [a] et b (javascript:x).</p>");
  std::string notes = markdown::to_html("Texte[^1].\n\n[^1]: Une note.", 1, "n-");
  CHECK(notes.find("href=\"#n-1\"") != std::string::npos);
  CHECK(notes.find("<li id=\"n-1\" value=\"1\">Une note.") != std::string::npos);
}

TEST_CASE("users' Markdown kept safe inside a Markdown document") {
  CHECK(markdown::sanitize("<b>x</b> [lien](http://x) [^1]") == "&lt;b>x&lt;/b> \\[lien](http://x) [^1]");
  CHECK(markdown::sanitize("## Titre\ntexte", 1) == "### Titre\ntexte");
  CHECK(markdown::escape("# pas un titre | ni *gras*") == "\\# pas un titre \\| ni \\*gras\\*");
  CHECK(markdown::escape("- pas une liste") == "\\- pas une liste");
  CHECK(markdown::escape("1. pas une liste") == "1\\. pas une liste");
}

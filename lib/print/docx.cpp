// SPDX-License-Identifier: EUPL-1.2
#include "print/docx.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <list>
#include <memory>
#include <numeric>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>

#include "base/paths.hpp"
#include "print/print.hpp"

namespace ctg::print::docx {

namespace {

std::string entry(zip_t* z, const char* name) {
  zip_int64_t index = zip_name_locate(z, name, 0);
  if (index < 0) throw Error(fmt::format("pandoc (conversion en Word) : {} absent du document produit", name));
  zip_stat_t st;
  zip_stat_init(&st);
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0),
                                                        &zip_fclose);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || !f)
    throw Error(fmt::format("pandoc (conversion en Word) : {} illisible dans le document produit", name));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  if (zip_fread(f.get(), out.data(), out.size()) != static_cast<zip_int64_t>(st.size))
    throw Error(fmt::format("pandoc (conversion en Word) : {} tronqué dans le document produit", name));
  return out;
}

constexpr unsigned parse_options = pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata;

void parse(pugi::xml_document& doc, const std::string& xml, const char* name) {
  if (!doc.load_buffer(xml.data(), xml.size(), parse_options, pugi::encoding_utf8))
    throw Error(fmt::format("pandoc (conversion en Word) : {} n'est pas du XML lisible", name));
}

std::string serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// The width of `text` in twips, in the 9,5 pt Liberation Serif of the tables
// (190 twips to the em): capitals wide, lower case and figures half an em.
int text_twips(std::string_view text, bool bold) {
  double em = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len > 1 && i + len <= text.size()) {
      cp = c & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += len;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE)) em += 0.72;
    else if (cp == 'm' || cp == 'w') em += 0.75;
    else if (cp == ' ' || cp == 'i' || cp == 'l' || cp == 'j' || cp == 't' || cp == 'f' || cp == '\'' || cp == 0x2019)
      em += 0.3;
    else if (cp == 0x2013 || cp == 0x2014) em += 0.8;
    else em += 0.5;
  }
  return static_cast<int>(em * 190 * (bold ? 1.1 : 1.0)) + 1;
}

// One cell's need: its longest word and its longest paragraph, in twips.
struct Need {
  int least = 0, most = 0;
};

Need cell_need(pugi::xml_node tc, bool header) {
  Need need;
  for (pugi::xml_node p : tc.children("w:p")) {
    int line = 0, word = 0;
    for (pugi::xpath_node r : p.select_nodes(".//w:r")) {
      bool bold = header || r.node().child("w:rPr").child("w:b");
      for (pugi::xml_node t : r.node().children("w:t")) {
        std::string_view s = t.text().get();
        line += text_twips(s, bold);
        for (std::size_t from = 0; from <= s.size();) {
          std::size_t space = std::min(s.find(' ', from), s.size());
          word += text_twips(s.substr(from, space - from), bold);
          if (space < s.size()) {
            need.least = std::max(need.least, word);
            word = 0;
          }
          from = space + 1;
        }
      }
    }
    need.least = std::max(need.least, word);
    need.most = std::max(need.most, line);
  }
  return need;
}

void set_width(pugi::xml_node parent, const char* name, int twips) {
  pugi::xml_node w = parent.child(name);
  if (!w) w = parent.prepend_child(name);
  w.remove_attributes();
  w.append_attribute("w:w") = twips;
  w.append_attribute("w:type") = "dxa";
}

// Every run of `tbl` at `half_points` (w:sz and w:szCs), placed in the
// order of CT_RPr: before the properties that follow them.
void set_size(pugi::xml_node tbl, int half_points) {
  static const char* const after[] = {"w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                                      "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                                      "w:specVanish", "w:oMath"};
  for (pugi::xpath_node x : tbl.select_nodes(".//w:r")) {
    pugi::xml_node r = x.node();
    pugi::xml_node pr = r.child("w:rPr");
    if (!pr) pr = r.prepend_child("w:rPr");
    pr.remove_child("w:sz");
    pr.remove_child("w:szCs");
    pugi::xml_node before;
    for (pugi::xml_node c : pr.children())
      if (std::find_if(std::begin(after), std::end(after), [&](const char* n) { return std::string_view(c.name()) == n; }) !=
          std::end(after)) {
        before = c;
        break;
      }
    pugi::xml_node sz = before ? pr.insert_child_before("w:sz", before) : pr.append_child("w:sz");
    sz.append_attribute("w:val") = half_points;
    pr.insert_child_after("w:szCs", sz).append_attribute("w:val") = half_points;
  }
}

// A table of pandoc's (style « Table »): its grid and cells as wide as their
// content asks, the whole as wide as the text block, laid out as set (fixed).
void fit_table(pugi::xml_node tbl) {
  pugi::xml_node pr = tbl.child("w:tblPr"), grid = tbl.child("w:tblGrid");
  if (std::string_view(pr.child("w:tblStyle").attribute("w:val").value()) != "Table" || !grid) return;
  std::vector<Need> needs;
  bool header = true;  // the first row: bold by the table style
  for (pugi::xml_node tr : tbl.children("w:tr")) {
    std::size_t i = 0;
    for (pugi::xml_node tc : tr.children("w:tc")) {
      if (needs.size() <= i) needs.resize(i + 1);
      Need n = cell_need(tc, header);
      needs[i].least = std::max(needs[i].least, n.least);
      needs[i].most = std::max(needs[i].most, n.most);
      ++i;
    }
    header = false;
  }
  std::vector<int> least, most;
  constexpr int padding = 2 * 80 + 60;  // the cell margins of the style « Table », and a little air
  // When the longest words cannot all fit side by side at 9,5 pt (the AO
  // table's six long headings), the table is set at 8 pt, as the HTML sets it
  // smaller: no word is cut inside a column.
  int words = 0;
  for (const Need& n : needs) words += n.least + padding;
  const bool smaller = words > text_width;
  for (const Need& n : needs) {
    int l = smaller ? n.least * 16 / 19 : n.least, m = smaller ? n.most * 16 / 19 : n.most;
    least.push_back(l + padding);
    most.push_back(std::max(m, l) + padding);
  }
  if (smaller) set_size(tbl, 16);
  std::vector<int> widths = column_widths(least, most, text_width);
  while (grid.first_child()) grid.remove_child(grid.first_child());
  for (int w : widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
  pugi::xml_node tblw = pr.child("w:tblW");
  if (!tblw) tblw = pr.insert_child_after("w:tblW", pr.child("w:tblStyle"));
  tblw.remove_attributes();
  tblw.append_attribute("w:w") = text_width;
  tblw.append_attribute("w:type") = "dxa";
  if (!pr.child("w:tblLayout")) pr.insert_child_after("w:tblLayout", tblw).append_attribute("w:type") = "fixed";
  for (pugi::xml_node tr : tbl.children("w:tr")) {
    std::size_t i = 0;
    for (pugi::xml_node tc : tr.children("w:tc")) {
      pugi::xml_node tcpr = tc.child("w:tcPr");
      if (!tcpr) tcpr = tc.prepend_child("w:tcPr");
      if (i < widths.size()) set_width(tcpr, "w:tcW", widths[i]);
      ++i;
    }
  }
}

// The k-th image also carries the SVG `rel` (Word 2016's extension; the PNG stays for the others).
void add_svg_blip(pugi::xml_node blip, const std::string& rel) {
  pugi::xml_node ext = blip.append_child("a:extLst").append_child("a:ext");
  ext.append_attribute("uri") = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
  pugi::xml_node svg = ext.append_child("asvg:svgBlip");
  svg.append_attribute("xmlns:asvg") = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
  svg.append_attribute("r:embed") = rel.c_str();
}

// Word fills the fields (table of contents, page numbers) when it opens the
// file; w:updateFields goes after w:stylePaneFormatFilter, before w:footnotePr (schema order).
std::string with_update_fields(const std::string& xml) {
  pugi::xml_document doc;
  parse(doc, xml, "word/settings.xml");
  pugi::xml_node settings = doc.child("w:settings");
  if (!settings.child("w:updateFields")) {
    pugi::xml_node before = settings.child("w:hdrShapeDefaults");
    if (!before) before = settings.child("w:footnotePr");
    pugi::xml_node u = before ? settings.insert_child_before("w:updateFields", before)
                              : settings.append_child("w:updateFields");
    u.append_attribute("w:val") = "true";
  }
  return serialize(doc);
}

}  // namespace

// Like a browser's automatic table layout: every column gets at least its
// longest word, the rest of the width goes where the text is long.
std::vector<int> column_widths(const std::vector<int>& least, const std::vector<int>& most, int total) {
  const std::size_t n = least.size();
  std::vector<double> w(n);
  const double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
  const double sum_most = std::accumulate(most.begin(), most.end(), 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (sum_most > 0 && sum_most <= total) w[i] = most[i] * total / sum_most;
    else if (sum_least > 0 && sum_least <= total)
      w[i] = least[i] + (total - sum_least) * (most[i] - least[i]) / (sum_most - sum_least);
    else w[i] = least[i];
  }
  if (sum_least > total) {  // the longest words cannot all fit: the widest columns give up the same cap
    std::vector<int> sorted = least;
    std::sort(sorted.begin(), sorted.end());
    double below = 0, cap = 0;
    for (std::size_t k = 0; k < n; ++k) {
      cap = (total - below) / double(n - k);
      if (cap <= sorted[k]) break;
      below += sorted[k];
    }
    for (std::size_t i = 0; i < n; ++i) w[i] = std::min<double>(least[i], cap);
  }
  std::vector<int> out;
  int used = 0;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(i + 1 == n ? total - used : static_cast<int>(w[i]));
    used += out.back();
  }
  return out;
}

namespace {

// The archive in memory (libzip writes its changes back into the buffer
// source, kept for reading after zip_close): no path handed to libzip, which
// on Windows would read it in the ANSI code page.
struct Archive {
  zip_source_t* source = nullptr;
  zip_t* zip = nullptr;
  explicit Archive(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (source) zip_source_keep(source);
    if (source) zip = zip_open_from_source(source, 0, &err);
    zip_error_fini(&err);
    if (!zip) {
      if (source) zip_source_free(source);
      throw Error("pandoc (conversion en Word) : le document produit n'est pas une archive lisible");
    }
  }
  ~Archive() {
    if (zip) zip_discard(zip);
    zip_source_free(source);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  // Writes the changes, returns the new archive.
  std::string close() {
    if (zip_close(zip) != 0)
      throw Error(fmt::format("document Word : écriture impossible ({})", zip_strerror(zip)));
    zip = nullptr;
    zip_stat_t st;
    zip_stat_init(&st);
    std::string out;
    if (zip_source_stat(source, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(source) == 0) {
      out.resize(static_cast<std::size_t>(st.size));
      zip_int64_t n = zip_source_read(source, out.data(), out.size());
      zip_source_close(source);
      if (n == static_cast<zip_int64_t>(out.size())) return out;
    }
    throw Error("document Word : l'archive modifiée ne se relit pas");
  }
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  if (!f) throw Error(fmt::format("pandoc (conversion en Word) : « {} » illisible", path_string(p)));
  return s.str();
}

}  // namespace

// The parts are read, changed with pugixml and written back in the same
// archive, which pandoc made in ctg's private folder.
void finish(const std::filesystem::path& path, const std::vector<std::string>& svgs) {
  const std::string bytes = slurp(path);
  Archive archive(bytes);
  zip_t* const zip = archive.zip;
  pugi::xml_document doc;
  parse(doc, entry(zip, "word/document.xml"), "word/document.xml");
  for (pugi::xpath_node t : doc.select_nodes("//w:tbl")) fit_table(t.node());
  std::list<std::string> parts;  // libzip reads them at zip_close
  auto put = [&](const std::string& name, std::string content) {
    const std::string& kept = parts.emplace_back(std::move(content));
    zip_source_t* src = zip_source_buffer(zip, kept.data(), kept.size(), 0);
    if (!src || zip_file_add(zip, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      throw Error(fmt::format("document Word : {} ne peut être écrit ({})", name, zip_strerror(zip)));
    }
  };
  pugi::xpath_node_set blips = doc.select_nodes("//a:blip");
  if (!svgs.empty() && blips.size() == svgs.size()) {
    pugi::xml_document rels;
    parse(rels, entry(zip, "word/_rels/document.xml.rels"), "word/_rels/document.xml.rels");
    for (std::size_t k = 0; k < svgs.size(); ++k) {
      std::string rel = fmt::format("rIdCtgSvg{}", k + 1), media = fmt::format("media/ctg-graphique-{}.svg", k + 1);
      pugi::xml_node r = rels.child("Relationships").append_child("Relationship");
      r.append_attribute("Id") = rel.c_str();
      r.append_attribute("Type") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
      r.append_attribute("Target") = media.c_str();
      add_svg_blip(blips[k].node(), rel);
      put("word/" + media, svgs[k]);
    }
    put("word/_rels/document.xml.rels", serialize(rels));
    pugi::xml_document types;
    parse(types, entry(zip, "[Content_Types].xml"), "[Content_Types].xml");
    pugi::xml_node root = types.child("Types");
    if (!root.find_child_by_attribute("Default", "Extension", "svg")) {
      pugi::xml_node d = root.prepend_child("Default");
      d.append_attribute("Extension") = "svg";
      d.append_attribute("ContentType") = "image/svg+xml";
    }
    put("[Content_Types].xml", serialize(types));
  }
  put("word/document.xml", serialize(doc));
  put("word/settings.xml", with_update_fields(entry(zip, "word/settings.xml")));
  std::string finished = archive.close();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(finished.data(), static_cast<std::streamsize>(finished.size()));
  if (!out) throw Error(fmt::format("document Word : écriture impossible dans « {} »", path_string(path)));
}

}  // namespace ctg::print::docx

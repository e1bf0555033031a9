// SPDX-License-Identifier: EUPL-1.2
#include "retours/docx.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <memory>
#include <pugixml.hpp>

namespace ctg::retours {

namespace {

using ZipPtr = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// The archive of `bytes`, opened by libzip from memory.
ZipPtr open_zip(std::string_view bytes, const std::string& name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw Error(fmt::format("« {} » : lecture impossible ({})", name, zip_error_strerror(&err)));
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) {
    zip_source_free(src);
    int code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    throw Error(fmt::format("« {} » n'est pas un document Word (.docx) : {} ; enregistrez le retour au format "
                            "Word (.docx) et recommencez",
                            name, code == ZIP_ER_NOZIP ? "ce n'est pas une archive zip" : "archive zip abîmée"));
  }
  zip_error_fini(&err);
  return ZipPtr(z, &zip_discard);
}

// The entry `path` inflated, or empty when absent; sizes checked first,
// and never more than the declared size read.
std::string entry(zip_t* z, const char* path, const std::string& name, const Limits& lim, std::size_t& total) {
  zip_int64_t index = zip_name_locate(z, path, 0);
  if (index < 0) return {};
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw Error(fmt::format("« {} » : l'entrée {} de l'archive est illisible", name, path));
  std::uint64_t size = st.size, packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if (size > lim.entry_size)
    throw Error(fmt::format("« {} » : l'entrée {} ferait {} octets une fois décompressée (au plus {}) ; "
                            "ce n'est pas un retour de ctg render",
                            name, path, size, lim.entry_size));
  if (size > (std::uint64_t{1} << 20) && (packed == 0 || size / packed > lim.ratio))
    throw Error(fmt::format("« {} » : l'entrée {} se décompresse {} fois (au plus {}) : archive piégée refusée",
                            name, path, packed ? size / packed : size, lim.ratio));
  if ((total += size) > lim.total_size)
    throw Error(fmt::format("« {} » : plus de {} octets à décompresser ; ce n'est pas un retour de ctg render", name,
                            lim.total_size));
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0),
                                                        &zip_fclose);
  if (!f) throw Error(fmt::format("« {} » : l'entrée {} ne s'ouvre pas (chiffrée ou abîmée)", name, path));
  std::string out(static_cast<std::size_t>(size) + 1, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), out.size());
  if (n < 0 || static_cast<std::uint64_t>(n) != size)
    throw Error(fmt::format("« {} » : l'entrée {} n'a pas la taille annoncée par l'archive", name, path));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// The text of the w:t elements under `node`, in document order (iterative: no recursion on deep XML).
std::string text_of(pugi::xml_node node) {
  std::string out;
  std::vector<pugi::xml_node> stack{node};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (std::string_view(n.name()) == "w:t") out += n.text().get();
    std::vector<pugi::xml_node> kids(n.begin(), n.end());
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

void parse(pugi::xml_document& doc, const std::string& xml, const char* path, const std::string& name) {
  // pugixml never resolves an entity; a DOCTYPE has no place in Word's XML.
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    throw Error(fmt::format("« {} » : {} déclare un DOCTYPE ou des entités (refusés : jamais résolus) ; "
                            "ce n'est pas un fichier enregistré par Word ou LibreOffice",
                            name, path));
  pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r)
    throw Error(fmt::format("« {} » : {} n'est pas du XML valide à l'octet {} ({})", name, path, r.offset,
                            r.description()));
}

}  // namespace

// Why one function over the whole body: the anchors, tracked changes and comment ranges open and close across
// paragraphs, runs and table cells; one walk in document order keeps their state together.
void walk_document(const pugi::xml_document& doc, const std::map<std::string, Comment>& known, Docx& out);

Docx read_docx(std::string_view bytes, const std::string& name, const Limits& lim) {
  ZipPtr z = open_zip(bytes, name);
  zip_int64_t count = zip_get_num_entries(z.get(), 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > lim.entries)
    throw Error(fmt::format("« {} » : {} entrées dans l'archive (au plus {}) ; ce n'est pas un retour de ctg render",
                            name, count, lim.entries));
  std::size_t total = 0;
  std::string document = entry(z.get(), "word/document.xml", name, lim, total);
  if (document.empty())
    throw Error(fmt::format("« {} » n'est pas un document Word : word/document.xml absent de l'archive", name));
  Docx out;
  pugi::xml_document xml;
  std::string custom = entry(z.get(), "docProps/custom.xml", name, lim, total);
  if (!custom.empty()) {
    parse(xml, custom, "docProps/custom.xml", name);
    for (pugi::xml_node p : xml.document_element().children())
      out.properties[p.attribute("name").value()] = p.first_child().text().get();
  }
  std::map<std::string, Comment> comments;
  std::string comments_xml = entry(z.get(), "word/comments.xml", name, lim, total);
  if (!comments_xml.empty()) {
    parse(xml, comments_xml, "word/comments.xml", name);
    for (pugi::xml_node c : xml.document_element().children("w:comment")) {
      Comment k{c.attribute("w:author").value(), c.attribute("w:date").value(), {}, {}, {}, {}};
      for (pugi::xml_node p : c.children("w:p")) {
        if (!k.text.empty()) k.text += "\n";
        k.text += text_of(p);
      }
      comments[c.attribute("w:id").value()] = std::move(k);
    }
  }
  parse(xml, document, "word/document.xml", name);
  try {
    walk_document(xml, comments, out);
  } catch (const Error& e) {
    throw Error(fmt::format("« {} » : {}", name, e.what()));
  }
  return out;
}

}  // namespace ctg::retours

// SPDX-License-Identifier: EUPL-1.2
#include "base/digest.hpp"

#include <openssl/evp.h>

#include <memory>

namespace ctg {

namespace {

struct Sha256 {
  explicit Sha256(const EVP_MD* md = EVP_sha256()) : ok(ctx && EVP_DigestInit_ex(ctx.get(), md, nullptr) == 1) {}
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  bool ok;

  void add(std::string_view bytes) { ok = ok && EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) == 1; }
  std::string hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!ok || EVP_DigestFinal_ex(ctx.get(), out, &n) != 1) return {};
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (unsigned int i = 0; i < n; ++i) {
      s.push_back(digits[out[i] >> 4]);
      s.push_back(digits[out[i] & 15]);
    }
    return s;
  }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.add(bytes);
  return h.hex();
}

std::string sha1_hex(std::string_view bytes) {
  Sha256 h(EVP_sha1());
  h.add(bytes);
  return h.hex();
}

std::string source_digest(const SourceSet& sources) {
  Sha256 h;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string& content = sources.file(static_cast<int>(i)).content;
    h.add(std::to_string(content.size()) + "\n");
    h.add(content);
  }
  return h.hex();
}

}  // namespace ctg

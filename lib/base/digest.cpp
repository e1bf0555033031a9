// SPDX-License-Identifier: EUPL-1.2
#include "base/digest.hpp"

#if defined(_WIN32)
#include <windows.h>
#include <bcrypt.h>
#else
#include <openssl/evp.h>
#endif

#include <algorithm>
#include <memory>

namespace ctg {

namespace {

std::string to_hex(const unsigned char* out, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s.push_back(digits[out[i] >> 4]);
    s.push_back(digits[out[i] & 15]);
  }
  return s;
}

enum class Algorithm { sha1, sha256 };

#if defined(_WIN32)
// Windows: BCrypt (bcrypt.dll, part of Windows since Vista).
class Hasher {
 public:
  explicit Hasher(Algorithm a) {
    ok_ = BCryptOpenAlgorithmProvider(&alg_, a == Algorithm::sha1 ? BCRYPT_SHA1_ALGORITHM : BCRYPT_SHA256_ALGORITHM,
                                      nullptr, 0) >= 0 &&
          BCryptCreateHash(alg_, &hash_, nullptr, 0, nullptr, 0, 0) >= 0;
  }
  ~Hasher() {
    if (hash_) BCryptDestroyHash(hash_);
    if (alg_) BCryptCloseAlgorithmProvider(alg_, 0);
  }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void add(std::string_view bytes) {
    while (ok_ && !bytes.empty()) {  // BCryptHashData takes a 32-bit length
      std::size_t n = std::min<std::size_t>(bytes.size(), 1u << 30);
      ok_ = BCryptHashData(hash_, reinterpret_cast<PUCHAR>(const_cast<char*>(bytes.data())), static_cast<ULONG>(n),
                           0) >= 0;
      bytes.remove_prefix(n);
    }
  }
  std::string hex() {
    DWORD length = 0;
    ULONG got = 0;
    if (!ok_ || BCryptGetProperty(alg_, BCRYPT_HASH_LENGTH, reinterpret_cast<PUCHAR>(&length), sizeof length, &got,
                                  0) < 0 || length > 64)
      return {};
    unsigned char out[64];
    if (BCryptFinishHash(hash_, out, length, 0) < 0) return {};
    return to_hex(out, length);
  }

 private:
  BCRYPT_ALG_HANDLE alg_ = nullptr;
  BCRYPT_HASH_HANDLE hash_ = nullptr;
  bool ok_ = false;
};
#else
// Linux: OpenSSL's libcrypto.
class Hasher {
 public:
  explicit Hasher(Algorithm a)
      : ok_(ctx_ && EVP_DigestInit_ex(ctx_.get(), a == Algorithm::sha1 ? EVP_sha1() : EVP_sha256(), nullptr) == 1) {}

  void add(std::string_view bytes) { ok_ = ok_ && EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size()) == 1; }
  std::string hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!ok_ || EVP_DigestFinal_ex(ctx_.get(), out, &n) != 1) return {};
    return to_hex(out, n);
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  bool ok_;
};
#endif

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Hasher h(Algorithm::sha256);
  h.add(bytes);
  return h.hex();
}

std::string sha1_hex(std::string_view bytes) {
  Hasher h(Algorithm::sha1);
  h.add(bytes);
  return h.hex();
}

std::string source_digest(const SourceSet& sources) {
  Hasher h(Algorithm::sha256);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string& content = sources.file(static_cast<int>(i)).content;
    h.add(std::to_string(content.size()) + "\n");
    h.add(content);
  }
  return h.hex();
}

}  // namespace ctg

// SPDX-License-Identifier: EUPL-1.2
// Codecs bind the description of the format (schema.hpp) to the model
// (model.hpp): each codec carries the TypeInfo that the JSON Schema prints
// and the function that reads a YAML node into a model value, reporting
// every problem as a positioned French diagnostic. Reading never stops at
// the first problem: it goes on so that one run reports them all.
#pragma once

#include <fmt/format.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "format/model.hpp"
#include "format/schema.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"
#include "yaml/tree.hpp"

namespace ctg::codec {

struct PendingRef {
  std::string target;  // list the id must exist in
  std::string id;
  Loc loc;
};

struct Context {
  Diagnostics& diags;
  std::deque<PendingRef> refs;  // a deque: no doubling, for hundreds of thousands of references
  std::map<std::string, std::map<std::string, Loc>> ids;  // list → id → where defined
};

template <class T>
struct Codec {
  schema::TypeInfo info;
  std::function<bool(const yaml::Node&, T&, Context&)> load;
};

// Reports that `node` is not of the type `info` describes.
void type_error(const yaml::Node& node, const schema::TypeInfo& info, Context& ctx);

// ---------------------------------------------------------------- scalars

Codec<std::string> text();
// A text that remembers its position (for items of a list).
Codec<LocatedText> located_text();
Codec<std::string> markdown();
Codec<std::string> identifier();
Codec<std::string> code(std::string pattern, std::string hint);
Codec<std::string> reference(std::string target);
Codec<std::string> constant(std::string value);
Codec<Date> date();
Codec<std::int64_t> integer(std::optional<std::int64_t> min = std::nullopt,
                            std::optional<std::int64_t> max = std::nullopt);
Codec<int> year();
Codec<Decimal> decimal(std::optional<std::int64_t> min = std::nullopt,
                       std::optional<std::int64_t> max = std::nullopt);
Codec<bool> boolean();

namespace detail {
bool load_enum_key(const yaml::Node& node, const schema::TypeInfo& info, std::size_t& index, Context& ctx);
void check_keyed_duplicates(const std::vector<std::pair<std::string, Loc>>& keys, const std::string& key_name,
                            const std::string& ns, const std::string& what, const std::string& hint, Context& ctx);
}  // namespace detail

template <class E>
Codec<E> enumeration() {
  schema::TypeInfo info;
  info.kind = schema::Kind::Enum;
  for (const auto& e : enum_entries<E>()) info.values.push_back({std::string(e.key), std::string(e.label)});
  return {info, [info](const yaml::Node& n, E& out, Context& ctx) {
            std::size_t index = 0;
            if (!detail::load_enum_key(n, info, index, ctx)) return false;
            out = enum_entries<E>()[index].value;
            return true;
          }};
}

// ---------------------------------------------------------------- composites

// A value that may be left blank (null): a draft's missing date.
template <class T>
Codec<std::optional<T>> optional(Codec<T> inner) {
  schema::TypeInfo info = inner.info;
  info.nullable = true;
  auto load = inner.load;
  return {info, [load](const yaml::Node& n, std::optional<T>& out, Context& ctx) {
            if (n.is_null()) {
              out.reset();
              return true;
            }
            T v{};
            bool ok = load(n, v, ctx);
            out = std::move(v);
            return ok;
          }};
}

template <class T>
Codec<std::vector<T>> list(Codec<T> item) {
  schema::TypeInfo info;
  info.kind = schema::Kind::List;
  info.item = std::make_shared<schema::TypeInfo>(item.info);
  auto load = item.load;
  return {info, [info, load](const yaml::Node& n, std::vector<T>& out, Context& ctx) {
            if (!n.is_sequence()) {
              type_error(n, info, ctx);
              return false;
            }
            bool ok = true;
            out.clear();
            out.reserve(n.items().size());
            for (const auto& child : n.items()) {
              T v{};
              ok = load(child, v, ctx) && ok;
              out.push_back(std::move(v));
            }
            return ok;
          }};
}

// A list whose entries are identified by a key (usually « id »): the key must
// be unique in the list, and, when `ns` is given, it can be referred to.
template <class T>
Codec<std::vector<T>> keyed_list(Codec<T> item, std::string key_name, std::function<std::string(const T&)> key,
                                 std::string ns = {}, std::string duplicate_hint = {}) {
  Codec<std::vector<T>> c = list(std::move(item));
  c.info.key = key_name;
  auto load = c.load;
  std::string what = c.info.item->object ? c.info.item->object->name : "entrée";
  c.load = [load, key, key_name, ns, what, duplicate_hint](const yaml::Node& n, std::vector<T>& out, Context& ctx) {
    bool ok = load(n, out, ctx);
    std::vector<std::pair<std::string, Loc>> keys;
    keys.reserve(out.size());
    for (const auto& v : out) keys.emplace_back(key(v), v.at(key_name));
    detail::check_keyed_duplicates(keys, key_name, ns, what, duplicate_hint, ctx);
    return ok;
  };
  return c;
}

template <class V>
Codec<std::map<int, V>> year_map(Codec<V> value) {
  schema::TypeInfo info;
  info.kind = schema::Kind::YearMap;
  info.item = std::make_shared<schema::TypeInfo>(value.info);
  auto load = value.load;
  return {info, [info, load](const yaml::Node& n, std::map<int, V>& out, Context& ctx) {
            if (!n.is_map()) {
              type_error(n, info, ctx);
              return false;
            }
            bool ok = true;
            std::map<int, Loc> seen;
            for (const auto& [k, v] : n.entries()) {
              auto y = k.is_scalar() && k.plain() ? parse_integer(k.value()) : std::nullopt;
              if (!y || *y < 1900 || *y > 2200) {
                ctx.diags.error("TYPE", k.loc, fmt::format("{} n'est pas une année", guillemets(k.value())),
                                "les clés de cette table sont des années écrites sur quatre chiffres : 2026: 189");
                ok = false;
                continue;
              }
              int year = static_cast<int>(*y);
              if (auto it = seen.find(year); it != seen.end()) {
                ctx.diags.error("CLE-EN-DOUBLE", k.loc,
                                fmt::format("l'année {} apparaît deux fois (déjà ligne {})", year, it->second.line),
                                "gardez une seule valeur par année");
                ok = false;
                continue;
              }
              seen.emplace(year, k.loc);
              V val{};
              ok = load(v, val, ctx) && ok;
              out[year] = std::move(val);
            }
            return ok;
          }};
}

// ---------------------------------------------------------------- objects

template <class S>
class Object {
 public:
  Object(std::string name, std::string def, std::string doc) : impl_(std::make_shared<Impl>()) {
    impl_->info = std::make_shared<schema::ObjectInfo>();
    impl_->info->name = std::move(name);
    impl_->info->def = std::move(def);
    impl_->info->doc = std::move(doc);
  }

  template <class M>
  Object& field(std::string key, M S::*member, Codec<M> codec, schema::Presence presence, std::string doc) {
    impl_->info->fields.push_back({key, codec.info, presence, std::move(doc)});
    auto load = codec.load;
    impl_->bindings.push_back(
        {[member, load](const yaml::Node& n, S& s, Context& ctx) { return load(n, s.*member, ctx); },
         [member](S& dst, S& src) { dst.*member = std::move(src.*member); }});
    return *this;
  }
  Object& required(std::string key, auto member, auto codec, std::string doc) {
    return field(std::move(key), member, std::move(codec), schema::Presence::Required, std::move(doc));
  }
  Object& optional(std::string key, auto member, auto codec, std::string doc) {
    return field(std::move(key), member, std::move(codec), schema::Presence::Optional, std::move(doc));
  }
  // At least one key of `keys` must be present.
  Object& any_of(std::vector<std::vector<std::string>> sets) {
    impl_->info->any_of = std::move(sets);
    return *this;
  }
  // A check across the fields of one object, run once they are read.
  Object& check(std::function<void(const S&, Context&)> f) {
    impl_->checks.push_back(std::move(f));
    return *this;
  }

  Codec<S> codec() const {
    schema::TypeInfo info;
    info.kind = schema::Kind::Object;
    info.object = impl_->info;
    auto impl = impl_;
    return {info, [impl, info](const yaml::Node& n, S& out, Context& ctx) { return impl->load(n, out, info, ctx); }};
  }

  // Moves into `dst` the fields present in `src` (as recorded in its
  // field_locs); used to merge included files into the main one.
  void merge_present(S& dst, S& src) const {
    const auto& fields = impl_->info->fields;
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (src.has(fields[i].name)) {
        impl_->bindings[i].move(dst, src);
        dst.object = impl_->info.get();
        dst.field_locs.push_back({static_cast<std::uint32_t>(i), src.at(fields[i].name)});
      }
  }

  const schema::ObjectInfo& info() const { return *impl_->info; }

 private:
  struct Binding {
    std::function<bool(const yaml::Node&, S&, Context&)> load;
    std::function<void(S&, S&)> move;
  };
  struct Impl {
    std::shared_ptr<schema::ObjectInfo> info;
    std::vector<Binding> bindings;
    std::vector<std::function<void(const S&, Context&)>> checks;

    bool load(const yaml::Node& n, S& out, const schema::TypeInfo& type, Context& ctx) const;
  };
  std::shared_ptr<Impl> impl_;
};

namespace detail {
// The part of Object::load that does not depend on S: keys, duplicates,
// unknown keys, required keys. Returns, for each entry of the map, the
// index of its field or -1 when the entry must be skipped.
bool scan_object(const yaml::Node& n, const schema::TypeInfo& type, std::vector<int>& field_of_entry,
                 Context& ctx);
}  // namespace detail

template <class S>
bool Object<S>::Impl::load(const yaml::Node& n, S& out, const schema::TypeInfo& type, Context& ctx) const {
  std::vector<int> field_of_entry;
  bool ok = detail::scan_object(n, type, field_of_entry, ctx);
  if (!n.is_map()) return false;
  out.loc = n.loc;
  out.object = info.get();
  out.field_locs.reserve(n.entries().size());
  for (std::size_t i = 0; i < n.entries().size(); ++i) {
    int f = field_of_entry[i];
    if (f < 0) continue;
    const auto& [key, value] = n.entries()[i];
    if (value.is_null()) {
      // An empty value has no text of its own: yaml-cpp places it at the
      // next token, often the next line. Point at its key instead.
      yaml::Node blank = value;
      blank.loc = key.loc;
      out.field_locs.push_back({static_cast<std::uint32_t>(f), key.loc});
      ok = bindings[static_cast<std::size_t>(f)].load(blank, out, ctx) && ok;
      continue;
    }
    out.field_locs.push_back({static_cast<std::uint32_t>(f), value.loc});
    ok = bindings[static_cast<std::size_t>(f)].load(value, out, ctx) && ok;
  }
  // Checks across fields only make sense once every field was read.
  if (ok)
    for (const auto& c : checks) c(out, ctx);
  return ok;
}

}  // namespace ctg::codec

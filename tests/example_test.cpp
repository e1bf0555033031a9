// The bundled examples, pinned: they load without error and hold what the
// seed holds.
#include <doctest/doctest.h>

#include "loader.hpp"

using namespace ctg;

TEST_CASE("the commune-only example loads") {
  auto r = load_file(CTG_SOURCE_DIR "/examples/commune-seule");
  for (const auto& d : r.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(r.ok());
  CHECK(r.ctg->parties.size() == 2);
}

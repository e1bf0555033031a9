// The tracking part of the format (« suivi »): its keys, types and
// documentation, as codecs of the one format description (format.cpp
// adds the « suivi » section to the document with them).
#pragma once

#include <vector>

#include "codec.hpp"
#include "model.hpp"

namespace ctg::suivi {

// « suivi: » — the tracking periods a file holds (one, usually).
codec::Codec<std::vector<TrackingPeriod>> periods_codec();

}  // namespace ctg::suivi

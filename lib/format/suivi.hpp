// SPDX-License-Identifier: EUPL-1.2
// The tracking part of the format (« suivi »): its keys, types and
// documentation, as codecs of the one format description (format.cpp
// adds the « suivi » section to the document with them).
#pragma once

#include <vector>

#include "format/codec.hpp"
#include "format/model.hpp"

namespace ctg::format::suivi {

// « suivi: » — the tracking periods a file holds (one, usually).
codec::Codec<std::vector<TrackingPeriod>> periods_codec();

}  // namespace ctg::format::suivi

#pragma once
// The data map of an audit: which categories go to which recipients, and
// where in the code. Built from collection points; shared by the HTML and
// Markdown writers.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/point.h"

namespace ps {

struct DataMapCell {
  std::vector<std::size_t> points;  // indexes into the point list
};

struct DataMap {
  std::vector<std::string> categories;  // sorted rows
  std::vector<std::string> recipients;  // sorted columns ("we" first)
  std::map<std::pair<std::string, std::string>, DataMapCell> cells;  // (category, recipient)
};

DataMap build_data_map(const std::vector<CollectionPoint>& points);

}  // namespace ps

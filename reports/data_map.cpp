#include "reports/data_map.h"

#include <algorithm>
#include <set>

namespace ps {

DataMap build_data_map(const std::vector<CollectionPoint>& points) {
  DataMap m;
  std::set<std::string> cats, recips;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    const std::string recipient = p.recipient.id.empty() ? "we" : p.recipient.id;
    recips.insert(recipient);
    for (const auto& c : p.categories) {
      cats.insert(c);
      m.cells[{c, recipient}].points.push_back(i);
    }
  }
  m.categories.assign(cats.begin(), cats.end());
  m.recipients.assign(recips.begin(), recips.end());
  // First-party first: the reader's own systems, then everyone else.
  std::stable_partition(m.recipients.begin(), m.recipients.end(), [](const std::string& r) { return r == "we"; });
  return m;
}

}  // namespace ps

#include "scanner/policy/policy_model.h"

namespace ps {

const RecipientDecl* PolicyModel::recipient(const std::string& id) const {
  for (const auto& r : recipients)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace ps
